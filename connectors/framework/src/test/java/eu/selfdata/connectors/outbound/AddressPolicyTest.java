package eu.selfdata.connectors.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "127.0.0.1         | loopback",
                "127.255.255.254   | loopback",
                "0.0.0.0           | 'this network'",
                "10.0.0.1          | private (10.0.0.0/8)",
                "172.16.0.1        | private (172.16.0.0/12)",
                "172.31.255.255    | private (172.16.0.0/12)",
                "192.168.0.1       | private (192.168.0.0/16)",
                "100.64.0.1        | carrier-grade NAT",
                "100.127.255.255   | carrier-grade NAT",
                "169.254.169.254   | cloud metadata",
                "192.0.0.8         | IETF protocol assignments",
                "192.0.2.1         | documentation",
                "198.51.100.7      | documentation",
                "203.0.113.9       | documentation",
                "198.18.0.1        | benchmarking",
                "198.19.255.255    | benchmarking",
                "224.0.0.251       | multicast",
                "239.255.255.250   | multicast",
                "240.0.0.1         | reserved",
                "255.255.255.255   | broadcast",
                "::                | unspecified",
                "::1               | loopback (::1)",
                "fe80::1           | link-local (fe80::/10)",
                "febf::1           | link-local (fe80::/10)",
                "fec0::1           | site-local",
                "fc00::1           | unique local",
                "fd00:ec2::254     | unique local",
                "ff02::1           | multicast (ff00::/8)",
                "2001:db8::1       | documentation (2001:db8::/32)",
                "100::1            | discard-only",
                "::ffff:127.0.0.1  | loopback",
                "::ffff:0:a00:1    | IPv4-translated form of 10.0.0.1, private",
                "::10.0.0.1        | IPv4-compatible form of 10.0.0.1, private",
                "::169.254.169.254 | IPv4-compatible form of 169.254.169.254",
                "64:ff9b::7f00:1   | NAT64 form of 127.0.0.1, loopback",
                "64:ff9b::a9fe:a9fe | NAT64 form of 169.254.169.254",
                "64:ff9b:1::1      | local-use NAT64",
                "2002:7f00:1::1    | 6to4 form of 127.0.0.1, loopback",
                "2002:c0a8:101::1  | 6to4 form of 192.168.1.1, private",
                "2001:0:4136:e378:8000:63bf:f5ff:fffe | Teredo form of 10.0.0.1, private",
                "2001:0:a00:1::1   | Teredo form of 10.0.0.1",
                "4000::1           | not global unicast",
                "::2:3:4:5:6       | not global unicast"
            })
    void nonPublicAddressesAreRefusedWithTheirRange(String address, String reason) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(address)))
                .hasValueSatisfying(why -> assertThat(why).contains(reason));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.1.1.1",
                "8.8.8.8",
                "93.184.215.14",
                "100.63.255.255",
                "100.128.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "192.167.255.255",
                "192.169.0.0",
                "198.17.255.255",
                "198.20.0.0",
                "223.255.255.255",
                "2a00:1450:4007:80e::200e",
                "2606:4700:4700::1111",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808",
                "2002:808:808::1",
                "2001:0:808:808::f7f7:f7f7"
            })
    void publicUnicastAddressesPass(String address) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void anIpv4MappedAddressKeptAsIpv6IsJudgedByItsIpv4() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 0, 0, 1};
        assertThat(AddressPolicy.refusal(Inet6Address.getByAddress(null, mapped, -1)))
                .hasValueSatisfying(why -> assertThat(why).contains("private"));
    }

    /** An independent table: integer arithmetic on the prefixes as IANA's registry writes them. */
    private static final List<String> IPV4_TABLE = List.of(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/3");

    @Test
    void randomIpv4AddressesAgreeWithAnIndependentRangeTable() throws UnknownHostException {
        Random random = new Random(20260314);
        for (int i = 0; i < 100_000; i++) {
            // half uniform, half near a range boundary, where off-by-one mistakes live
            long value = i % 2 == 0 ? random.nextInt() & 0xFFFFFFFFL : nearBoundary(random);
            byte[] bytes = BigInteger.valueOf(value | 1L << 32).toByteArray();
            InetAddress address =
                    InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length));
            boolean expectedRefused = IPV4_TABLE.stream().anyMatch(cidr -> inIpv4(cidr, value));
            if (AddressPolicy.refusal(address).isPresent() != expectedRefused) {
                assertThat(AddressPolicy.refusal(address).isPresent())
                        .as(address.getHostAddress())
                        .isEqualTo(expectedRefused);
            }
            boolean jdkLocal = address.isLoopbackAddress()
                    || address.isSiteLocalAddress()
                    || address.isLinkLocalAddress()
                    || address.isMulticastAddress()
                    || address.isAnyLocalAddress();
            if (jdkLocal && !expectedRefused) {
                assertThat(expectedRefused)
                        .as("the JDK calls " + address.getHostAddress() + " local")
                        .isTrue();
            }
        }
    }

    @Test
    void randomIpv6AddressesAgreeWithAnIndependentRangeTable() throws UnknownHostException {
        Random random = new Random(20260315);
        List<String> prefixes = List.of(
                "::",
                "::ffff:0:0",
                "64:ff9b::",
                "2002::",
                "2001::",
                "fe80::",
                "fc00::",
                "ff00::",
                "2001:db8::",
                "2a00::",
                "3000::",
                "8000::");
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            if (i % 3 != 0) { // keep a prefix of interest, randomise the rest
                byte[] prefix = InetAddress.getByName(prefixes.get(random.nextInt(prefixes.size())))
                        .getAddress();
                int keep = prefix.length == 4 ? 0 : 2 + random.nextInt(11);
                System.arraycopy(prefix, 0, bytes, 0, Math.min(keep, prefix.length));
                if (prefix.length == 4) { // ::ffff:0:0 came back as IPv4: write the mapped form
                    java.util.Arrays.fill(bytes, 0, 10, (byte) 0);
                    bytes[10] = (byte) 0xFF;
                    bytes[11] = (byte) 0xFF;
                }
            }
            Inet6Address address = Inet6Address.getByAddress(null, bytes, -1);
            boolean expectedRefused = ipv6Refused(new BigInteger(1, bytes));
            if (AddressPolicy.refusal(address).isPresent() != expectedRefused) {
                assertThat(AddressPolicy.refusal(address).isPresent())
                        .as(address.getHostAddress())
                        .isEqualTo(expectedRefused);
            }
        }
    }

    private static long nearBoundary(Random random) {
        String cidr = IPV4_TABLE.get(random.nextInt(IPV4_TABLE.size()));
        long network = ipv4(cidr.substring(0, cidr.indexOf('/')));
        long size = 1L << (32 - Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1)));
        long edge = random.nextBoolean() ? network : network + size;
        return (edge + random.nextInt(5) - 2) & 0xFFFFFFFFL;
    }

    private static boolean inIpv4(String cidr, long value) {
        long network = ipv4(cidr.substring(0, cidr.indexOf('/')));
        int bits = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
        return value >>> (32 - bits) == network >>> (32 - bits);
    }

    private static long ipv4(String dotted) {
        long value = 0;
        for (String octet : dotted.split("\\.")) {
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }

    private static boolean ipv6Refused(BigInteger a) {
        if (a.equals(BigInteger.ZERO)
                || a.equals(BigInteger.ONE)
                || in6(a, "64:ff9b:1::", 48)
                || in6(a, "100::", 64)
                || in6(a, "2001:2::", 48)
                || in6(a, "2001:10::", 28)
                || in6(a, "2001:20::", 28)
                || in6(a, "2001:db8::", 32)
                || in6(a, "3fff::", 20)
                || in6(a, "5f00::", 16)
                || in6(a, "fc00::", 7)
                || in6(a, "fe80::", 10)
                || in6(a, "fec0::", 10)
                || in6(a, "ff00::", 8)) {
            return true;
        }
        long low32 = a.longValue() & 0xFFFFFFFFL;
        if (a.shiftRight(32).equals(BigInteger.valueOf(0xFFFF))
                || a.shiftRight(32).equals(BigInteger.valueOf(0xFFFF0000L))
                || a.shiftRight(32).equals(BigInteger.ZERO)
                || in6(a, "64:ff9b::", 96)) {
            return IPV4_TABLE.stream().anyMatch(cidr -> inIpv4(cidr, low32));
        }
        if (in6(a, "2002::", 16)) {
            long v4 = a.shiftRight(80).longValue() & 0xFFFFFFFFL;
            return IPV4_TABLE.stream().anyMatch(cidr -> inIpv4(cidr, v4));
        }
        if (in6(a, "2001::", 32)) {
            long server = a.shiftRight(64).longValue() & 0xFFFFFFFFL;
            long client = ~low32 & 0xFFFFFFFFL;
            return IPV4_TABLE.stream().anyMatch(cidr -> inIpv4(cidr, server) || inIpv4(cidr, client));
        }
        return !in6(a, "2000::", 3);
    }

    private static final java.util.Map<String, BigInteger> NETWORKS = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean in6(BigInteger address, String prefix, int bits) {
        BigInteger network = NETWORKS.computeIfAbsent(prefix, text -> {
            try {
                return new BigInteger(1, InetAddress.getByName(text).getAddress());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        });
        return address.shiftRight(128 - bits).equals(network.shiftRight(128 - bits));
    }
}
