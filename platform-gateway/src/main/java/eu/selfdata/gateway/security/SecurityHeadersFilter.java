package eu.selfdata.gateway.security;

import eu.selfdata.contract.ImageOrigin;
import eu.selfdata.contract.PlatformHeaders;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sets the platform's browser security headers on every response, proxied or problem, replacing
 * whatever a service sent so the policy lives in one place. One thing a service may ask: that the
 * page load images from one more public https origin (a city's map tiles, {@link PlatformHeaders#IMAGE_ORIGIN});
 * the origin is checked again ({@link ImageOrigin}) and only then added to {@code img-src}, for that
 * response alone.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String CONTENT_SECURITY_POLICY = policy("");
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    private final PublicOrigins origins;

    SecurityHeadersFilter(PublicOrigins origins) {
        this.origins = origins;
    }

    private static String policy(String moreImages) {
        return "default-src 'self'; img-src 'self' data:" + moreImages
                + "; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
    }

    @Override
    public int getOrder() {
        // first, so that even a request refused by a later filter gets the headers
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean overTls = origins.overTls(exchange.getRequest());
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            Optional<ImageOrigin> images = ImageOrigin.parse(headers.getFirst(PlatformHeaders.IMAGE_ORIGIN));
            headers.remove(PlatformHeaders.IMAGE_ORIGIN);
            headers.set(
                    "Content-Security-Policy",
                    images.map(origin -> policy(" " + origin.value())).orElse(CONTENT_SECURITY_POLICY));
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
            headers.set("X-Frame-Options", "DENY");
            if (overTls) {
                headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
            } else {
                headers.remove("Strict-Transport-Security");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
