package eu.selfdata.connectors.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Syntax of a host an admin gives: a DNS name (RFC 1123 labels) or an IP literal, read without any
 * DNS lookup. Whether the platform may reach it is the outbound guard's decision, for the city,
 * when the setting is saved and again after resolution at every call.
 */
final class HostNames {

    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern IPV4 = Pattern.compile("^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-f:.]{2,45}$");

    private HostNames() {
    }

    /** The host in lower case (an IPv6 literal without brackets), or an exception when it is neither a name nor a literal. */
    static String checked(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        if (lower.contains(":")) {
            return ipv6(lower);
        }
        if (IPV4.matcher(lower).matches()) {
            return lower;
        }
        if (lower.length() > 253) {
            throw new IllegalArgumentException("not a host name");
        }
        String[] labels = lower.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("not a host name");
            }
        }
        if (labels[labels.length - 1].matches("[0-9]+")) {
            throw new IllegalArgumentException("not a host name"); // digits only at the end: a mistyped address
        }
        return lower;
    }

    /** java.net.URI checks IPv6 literal syntax (RFC 2732) without any lookup. */
    private static String ipv6(String literal) {
        try {
            if (IPV6.matcher(literal).matches() && new URI("x", null, "[" + literal + "]", -1, null, null, null)
                    .parseServerAuthority().getHost() != null) {
                return literal;
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an IPv6 literal");
        }
        throw new IllegalArgumentException("not an IPv6 literal");
    }
}
