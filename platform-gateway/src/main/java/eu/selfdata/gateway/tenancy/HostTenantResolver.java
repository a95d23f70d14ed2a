package eu.selfdata.gateway.tenancy;

import eu.selfdata.contract.CitySlug;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Reads the Host header, and nothing else, to tell which city (or the platform) a request is for.
 * Runs on every request, so the port and host-name syntax are checked with plain loops.
 */
@Component
class HostTenantResolver {

    private static final int MAX_PORT_DIGITS = 5;

    private final String baseDomain;

    HostTenantResolver(TenancyProperties properties) {
        this.baseDomain = normalise(properties.baseDomain());
    }

    RequestedHost resolve(String hostHeader) {
        if (hostHeader == null) {
            return new RequestedHost.Unservable();
        }
        String host = normalise(withoutPort(hostHeader.strip()));
        if (!isHostName(host)) {
            return new RequestedHost.Unservable();
        }
        if (host.equals(baseDomain)) {
            return new RequestedHost.Platform();
        }
        if (host.endsWith("." + baseDomain)) {
            String label = host.substring(0, host.length() - baseDomain.length() - 1);
            // a.b.localhost has label "a.b": the dot fails the slug rule, so nested names are refused; so are
            // reserved names, which the registry never holds
            return CitySlug.isValid(label) ? new RequestedHost.Subdomain(label) : new RequestedHost.Unservable();
        }
        return new RequestedHost.CustomDomain(host);
    }

    /** Without a trailing {@code :} and 1 to 5 digits. */
    private static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        int digits = host.length() - colon - 1;
        if (colon < 0 || digits < 1 || digits > MAX_PORT_DIGITS) {
            return host;
        }
        for (int i = colon + 1; i < host.length(); i++) {
            if (host.charAt(i) < '0' || host.charAt(i) > '9') {
                return host;
            }
        }
        return host.substring(0, colon);
    }

    /** Dot-separated labels of {@code [a-z0-9-]}, none empty, none starting or ending with a dash. */
    private static boolean isHostName(String host) {
        int labelStart = 0;
        for (int i = 0; i <= host.length(); i++) {
            if (i == host.length() || host.charAt(i) == '.') {
                if (i == labelStart || host.charAt(labelStart) == '-' || host.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else {
                char c = host.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Lower case, without the trailing dot of a fully qualified name. */
    static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
