package eu.selfdata.usecase.api.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host a connector may name: a DNS name (ASCII letters, digits and hyphens, in lower case, without
 * a trailing dot) or an IP literal (in its canonical text), with an optional port (none: any port).
 * Only syntax is checked here, never DNS: whether its addresses may be reached is the connector
 * framework's outbound guard's decision. The coordinator's allow-list (tenant-service) and the guard
 * read hosts through this one type.
 */
public record OutboundHost(String host, Integer port) {

    public static final int MAX_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern DOTTED_QUAD = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("^[0-9a-f:.]+$");

    public OutboundHost {
        if (host == null || !host.equals(normalise(host))) {
            throw new IllegalArgumentException("'" + host + "' is not a DNS name or an IP literal");
        }
        if (port != null && (port < 1 || port > 65_535)) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
    }

    /**
     * {@code name}, {@code name:port}, {@code 192.0.2.7:22}, {@code 2001:db8::7} or {@code [2001:db8::7]:22}.
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static OutboundHost parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH + 8) {
            throw new IllegalArgumentException("'" + text + "' is not a host or host:port");
        }
        String host = text.trim();
        Integer port = null;
        int colon = host.lastIndexOf(':');
        boolean bracketed = host.startsWith("[");
        if (colon > 0 && (bracketed ? host.lastIndexOf(']') < colon : host.indexOf(':') == colon)) {
            port = port(text, host.substring(colon + 1));
            host = host.substring(0, colon);
        }
        if (bracketed && !host.endsWith("]")) {
            throw new IllegalArgumentException("'" + text + "' is not a host or host:port");
        }
        try {
            return new OutboundHost(normalise(host), port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a DNS name or an IP literal with an optional port (1 to 65535)");
        }
    }

    /**
     * The canonical form of a host as written in a URL or a setting: brackets, trailing dot and case
     * removed, IP literals in canonical text.
     *
     * @throws IllegalArgumentException when it is neither a DNS name nor an IP literal
     */
    public static String normalise(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
            if (!name.contains(":")) {
                throw new IllegalArgumentException("'" + host + "' is not a DNS name or an IP literal");
            }
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        Optional<InetAddress> literal = literal(name);
        if (literal.isPresent()) {
            return literal.get().getHostAddress();
        }
        String[] labels = name.split("\\.", -1);
        boolean valid = !name.isEmpty()
                && name.length() <= MAX_LENGTH
                // a last label of digits only would be read as an IPv4 address by some resolvers
                && !labels[labels.length - 1].chars().allMatch(Character::isDigit);
        for (String label : labels) {
            valid &= LABEL.matcher(label).matches();
        }
        if (!valid) {
            throw new IllegalArgumentException("'" + host + "' is not a DNS name or an IP literal");
        }
        return name;
    }

    /** The address written in {@code host}, parsed without any lookup; empty when it is a name. */
    public static Optional<InetAddress> literal(String host) {
        boolean ipv4 = DOTTED_QUAD.matcher(host).matches();
        boolean ipv6 = host.contains(":") && IPV6_CHARACTERS.matcher(host).matches();
        if (!ipv4 && !ipv6) {
            if (host.contains(":")) {
                throw new IllegalArgumentException("'" + host + "' is not an IP literal");
            }
            return Optional.empty();
        }
        if (ipv4
                && !java.util.Arrays.stream(host.split("\\."))
                        .allMatch(octet ->
                                Integer.parseInt(octet) <= 255 && (octet.length() == 1 || octet.charAt(0) != '0'))) {
            throw new IllegalArgumentException("'" + host + "' is not an IPv4 address");
        }
        try {
            // Only digits, dots, hex digits and colons here: InetAddress parses them, it never asks DNS.
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + host + "' is not an IP literal");
        }
    }

    /** Whether this entry covers {@code host} (normalised) on {@code port}. */
    public boolean matches(String host, int port) {
        return (this.port == null || this.port == port) && this.host.equals(host);
    }

    @Override
    public String toString() {
        if (port == null) {
            return host;
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static int port(String text, String digits) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + text + "' has no port number after ':'");
        }
        return Integer.parseInt(digits);
    }
}
