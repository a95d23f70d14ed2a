package eu.selfdata.gateway.security;

import java.util.Locale;

/** Names of the request headers that only the gateway, or a trusted proxy, may set. */
final class ForwardingHeaders {

    static final String X_FORWARDED_PREFIX = "x-forwarded-";
    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    private ForwardingHeaders() {
    }

    static boolean isForwarded(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith(X_FORWARDED_PREFIX);
    }

    /** Headers a client could use to impersonate a tenant, the gateway or another client. */
    static boolean isReserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("x-tenant-") || lower.startsWith("x-gateway-")
                || lower.equals("forwarded") || lower.equals("x-real-ip");
    }
}
