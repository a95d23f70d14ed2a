package eu.selfdata.gateway.identity;

import eu.selfdata.gateway.problem.ProblemException;
import eu.selfdata.gateway.problem.ProblemType;
import eu.selfdata.gateway.security.PublicOrigins;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Cross-site request forgery defence for browser sessions, without reading the body (which the
 * gateway streams to the services untouched): a state-changing request that does not carry a bearer
 * token is refused when the browser says it comes from another origin ({@code Origin}, or
 * {@code Sec-Fetch-Site} when there is no Origin). Requests with a bearer token carry no ambient
 * credential and are not concerned; the session cookie is also {@code SameSite=Lax}.
 */
@Component
class SameOriginFilter implements WebFilter, Ordered {

    private static final Set<HttpMethod> SAFE =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final PublicOrigins origins;

    SameOriginFilter(PublicOrigins origins) {
        this.origins = origins;
    }

    @Override
    public int getOrder() {
        return HostBoundLoginFilter.ORDER + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (SAFE.contains(request.getMethod()) || hasBearer(request) || sameOrigin(request)) {
            return chain.filter(exchange);
        }
        return Mono.error(new ProblemException(
                ProblemType.CROSS_ORIGIN_REQUEST, "A page from another site cannot send this request."));
    }

    private boolean sameOrigin(ServerHttpRequest request) {
        String origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
        if (origin != null) {
            return origin.strip().toLowerCase(Locale.ROOT).equals(origins.of(request));
        }
        String site = request.getHeaders().getFirst("Sec-Fetch-Site");
        // no Origin and no fetch metadata: not a browser request made on behalf of another site
        return site == null || site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none");
    }

    private static boolean hasBearer(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
