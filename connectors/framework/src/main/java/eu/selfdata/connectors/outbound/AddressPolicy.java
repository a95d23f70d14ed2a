package eu.selfdata.connectors.outbound;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a connector may reach on its own: public unicast only. Refused are the IANA
 * special-purpose ranges that are not globally reachable (loopback, private, shared CGNAT,
 * link-local with the cloud metadata address, documentation, benchmarking, multicast, reserved,
 * broadcast) and, for IPv6, everything outside global unicast {@code 2000::/3} and its special
 * ranges. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are
 * judged by the IPv4 address they carry, so {@code ::ffff:127.0.0.1} is loopback.
 */
public final class AddressPolicy {

    private static final List<Range> IPV4_REFUSED = List.of(
            Range.of("0.0.0.0/8", "'this network' (0.0.0.0/8)"),
            Range.of("10.0.0.0/8", "private (10.0.0.0/8)"),
            Range.of("100.64.0.0/10", "shared carrier-grade NAT (100.64.0.0/10)"),
            Range.of("127.0.0.0/8", "loopback (127.0.0.0/8)"),
            Range.of("169.254.0.0/16", "link-local, cloud metadata (169.254.0.0/16)"),
            Range.of("172.16.0.0/12", "private (172.16.0.0/12)"),
            Range.of("192.0.0.0/24", "IETF protocol assignments (192.0.0.0/24)"),
            Range.of("192.0.2.0/24", "documentation (192.0.2.0/24)"),
            Range.of("192.88.99.0/24", "deprecated 6to4 relay anycast (192.88.99.0/24)"),
            Range.of("192.168.0.0/16", "private (192.168.0.0/16)"),
            Range.of("198.18.0.0/15", "benchmarking (198.18.0.0/15)"),
            Range.of("198.51.100.0/24", "documentation (198.51.100.0/24)"),
            Range.of("203.0.113.0/24", "documentation (203.0.113.0/24)"),
            Range.of("224.0.0.0/4", "multicast (224.0.0.0/4)"),
            Range.of("240.0.0.0/4", "reserved or broadcast (240.0.0.0/4)"));

    private static final List<Range> IPV6_REFUSED = List.of(
            Range.of("::/128", "unspecified (::)"),
            Range.of("::1/128", "loopback (::1)"),
            Range.of("64:ff9b:1::/48", "local-use NAT64 (64:ff9b:1::/48)"),
            Range.of("100::/64", "discard-only (100::/64)"),
            Range.of("2001:2::/48", "benchmarking (2001:2::/48)"),
            Range.of("2001:10::/28", "ORCHID (2001:10::/28)"),
            Range.of("2001:20::/28", "ORCHIDv2 (2001:20::/28)"),
            Range.of("2001:db8::/32", "documentation (2001:db8::/32)"),
            Range.of("3fff::/20", "documentation (3fff::/20)"),
            Range.of("5f00::/16", "segment routing (5f00::/16)"),
            Range.of("fc00::/7", "unique local (fc00::/7)"),
            Range.of("fe80::/10", "link-local (fe80::/10)"),
            Range.of("fec0::/10", "site-local (fec0::/10)"),
            Range.of("ff00::/8", "multicast (ff00::/8)"));

    private static final Range GLOBAL_UNICAST = Range.of("2000::/3", "global unicast");
    private static final Range IPV4_MAPPED = Range.of("::ffff:0:0/96", "IPv4-mapped");
    private static final Range IPV4_TRANSLATED = Range.of("::ffff:0:0:0/96", "IPv4-translated");
    private static final Range IPV4_COMPATIBLE = Range.of("::/96", "IPv4-compatible");
    private static final Range NAT64 = Range.of("64:ff9b::/96", "NAT64");
    private static final Range SIX_TO_FOUR = Range.of("2002::/16", "6to4");
    private static final Range TEREDO = Range.of("2001::/32", "Teredo");

    private AddressPolicy() {}

    /** Why a connector may not reach {@code address} on its own, or empty when it is public unicast. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ipv4(bytes) : ipv6(bytes);
    }

    private static Optional<String> ipv4(byte[] bytes) {
        return IPV4_REFUSED.stream()
                .filter(range -> range.contains(bytes))
                .findFirst()
                .map(Range::name);
    }

    private static Optional<String> ipv6(byte[] bytes) {
        Optional<String> exact = IPV6_REFUSED.stream()
                .filter(range -> range.contains(bytes))
                .findFirst()
                .map(Range::name);
        if (exact.isPresent()) {
            return exact;
        }
        for (Range form : List.of(IPV4_MAPPED, IPV4_TRANSLATED, IPV4_COMPATIBLE, NAT64)) {
            if (form.contains(bytes)) {
                return embedded(form, Arrays.copyOfRange(bytes, 12, 16));
            }
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return embedded(SIX_TO_FOUR, Arrays.copyOfRange(bytes, 2, 6));
        }
        if (TEREDO.contains(bytes)) {
            // RFC 4380: the server's IPv4 in bits 32-63, the client's inverted in bits 96-127.
            byte[] client = Arrays.copyOfRange(bytes, 12, 16);
            for (int i = 0; i < client.length; i++) {
                client[i] = (byte) ~client[i];
            }
            return embedded(TEREDO, Arrays.copyOfRange(bytes, 4, 8)).or(() -> embedded(TEREDO, client));
        }
        return GLOBAL_UNICAST.contains(bytes) ? Optional.empty() : Optional.of("not global unicast (outside 2000::/3)");
    }

    private static Optional<String> embedded(Range form, byte[] ipv4) {
        return ipv4(ipv4).map(reason -> form.name() + " form of " + text(ipv4) + ", " + reason);
    }

    private static String text(byte[] ipv4) {
        return (ipv4[0] & 0xFF) + "." + (ipv4[1] & 0xFF) + "." + (ipv4[2] & 0xFF) + "." + (ipv4[3] & 0xFF);
    }

    /** An address prefix of {@code bits} bits. */
    private record Range(byte[] prefix, int bits, String name) {

        static Range of(String cidr, String name) {
            int slash = cidr.indexOf('/');
            try {
                InetAddress network = InetAddress.getByName(cidr.substring(0, slash));
                byte[] prefix = network.getAddress();
                // InetAddress turns ::ffff:a.b.c.d into an IPv4 address: keep the IPv6 form written here.
                if (cidr.contains(":") && network instanceof Inet4Address) {
                    prefix = mapped(prefix);
                }
                return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), name);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        private static byte[] mapped(byte[] ipv4) {
            byte[] ipv6 = new byte[16];
            ipv6[10] = (byte) 0xFF;
            ipv6[11] = (byte) 0xFF;
            System.arraycopy(ipv4, 0, ipv6, 12, 4);
            return ipv6;
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }
}
