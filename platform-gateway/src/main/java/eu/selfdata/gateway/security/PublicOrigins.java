package eu.selfdata.gateway.security;

import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The origin a browser sees for a request: {@code https} when TLS reached the gateway or a trusted
 * load balancer says it terminated TLS, then the Host header the city was resolved from. Used for
 * the OAuth redirect URIs and the same-origin check, so both agree with what the browser shows.
 */
@Component
public class PublicOrigins {

    private final TrustedProxies trustedProxies;

    PublicOrigins(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** {@code scheme://host[:port]}, lower case, without a trailing slash. */
    public String of(ServerHttpRequest request) {
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (host == null) {
            host = request.getURI().getAuthority();
        }
        return (overTls(request) ? "https" : "http") + "://" + host.strip().toLowerCase(Locale.ROOT);
    }

    /** TLS to the gateway itself, or to a trusted load balancer that says so. */
    public boolean overTls(ServerHttpRequest request) {
        return request.getSslInfo() != null
                || (trustedProxies.trusts(request)
                        && "https"
                                .equalsIgnoreCase(request.getHeaders().getFirst(ForwardingHeaders.X_FORWARDED_PROTO)));
    }
}
