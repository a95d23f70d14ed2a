package eu.selfdata.gateway.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes what a client may not tell the platform: every {@code X-Tenant-*}, {@code X-Gateway-*},
 * {@code Forwarded} and {@code X-Real-IP}, and {@code X-Forwarded-*} unless the peer is a trusted proxy.
 */
@Component
public class HeaderHygieneFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final TrustedProxies trustedProxies;

    HeaderHygieneFilter(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean trusted = trustedProxies.trusts(exchange.getRequest());
        List<String> refused = new ArrayList<>(0);
        for (String name : exchange.getRequest().getHeaders().headerNames()) {
            if (ForwardingHeaders.isReserved(name) || (!trusted && ForwardingHeaders.isForwarded(name))) {
                refused.add(name);
            }
        }
        if (refused.isEmpty()) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> refused.forEach(headers::remove)))
                .build());
    }
}
