package eu.selfdata.gateway.security;

import eu.selfdata.contract.PlatformHeaders;

/** Names of the request headers that only the gateway, or a trusted proxy, may set. */
final class ForwardingHeaders {

    static final String X_FORWARDED_PREFIX = "x-forwarded-";
    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    private ForwardingHeaders() {}

    static boolean isForwarded(String name) {
        return startsWithIgnoringCase(name, X_FORWARDED_PREFIX);
    }

    /** Headers a client could use to impersonate a tenant, the gateway or another client. */
    static boolean isReserved(String name) {
        return startsWithIgnoringCase(name, PlatformHeaders.TENANT_PREFIX)
                || startsWithIgnoringCase(name, PlatformHeaders.GATEWAY_PREFIX)
                || name.equalsIgnoreCase("forwarded")
                || name.equalsIgnoreCase("x-real-ip");
    }

    // checked for every header of every request: no lower-cased copy of the name
    private static boolean startsWithIgnoringCase(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
