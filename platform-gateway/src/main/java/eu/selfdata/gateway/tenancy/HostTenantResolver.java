package eu.selfdata.gateway.tenancy;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Reads the Host header, and nothing else, to tell which city (or the platform) a request is for. */
@Component
class HostTenantResolver {

    private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");
    private static final Pattern HOST_NAME = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$");
    private static final Pattern PORT = Pattern.compile(":\\d{1,5}$");

    private final String baseDomain;

    HostTenantResolver(TenancyProperties properties) {
        this.baseDomain = normalise(properties.baseDomain());
    }

    RequestedHost resolve(String hostHeader) {
        if (hostHeader == null) {
            return new RequestedHost.Unservable();
        }
        String host = normalise(PORT.matcher(hostHeader.strip()).replaceFirst(""));
        if (!HOST_NAME.matcher(host).matches()) {
            return new RequestedHost.Unservable();
        }
        if (host.equals(baseDomain)) {
            return new RequestedHost.Platform();
        }
        if (host.endsWith("." + baseDomain)) {
            String label = host.substring(0, host.length() - baseDomain.length() - 1);
            // a.b.localhost has label "a.b": the dot fails the slug pattern, so nested names are refused
            return SLUG.matcher(label).matches() ? new RequestedHost.Subdomain(label) : new RequestedHost.Unservable();
        }
        return new RequestedHost.CustomDomain(host);
    }

    /** Lower case, without the trailing dot of a fully qualified name. */
    static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
