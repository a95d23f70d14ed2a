package eu.selfdata.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes {@code X-Forwarded-For/Proto/Host} from the real connection on proxied requests. Runs last
 * among the gateway's header filters, after Spring Cloud Gateway has removed every X-Forwarded-*;
 * the request it reads has been cleaned by {@link HeaderHygieneFilter}, so inbound values there
 * come from a trusted proxy only.
 */
@Component
class ForwardedHeadersWriter implements HttpHeadersFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders inbound = request.getHeaders();
        HttpHeaders output = HttpHeaders.copyOf(input);

        List<String> chain = new ArrayList<>(inbound.getOrEmpty(ForwardingHeaders.X_FORWARDED_FOR));
        if (request.getRemoteAddress() != null) {
            chain.add(request.getRemoteAddress().getHostString());
        }
        if (!chain.isEmpty()) {
            output.set(ForwardingHeaders.X_FORWARDED_FOR, String.join(", ", chain));
        }
        String scheme = request.getSslInfo() != null ? "https" : "http";
        output.set(
                ForwardingHeaders.X_FORWARDED_PROTO,
                first(inbound, ForwardingHeaders.X_FORWARDED_PROTO).orElse(scheme));
        first(inbound, ForwardingHeaders.X_FORWARDED_HOST)
                .or(() -> first(inbound, HttpHeaders.HOST))
                .ifPresent(host -> output.set(ForwardingHeaders.X_FORWARDED_HOST, host));
        return output;
    }

    private static Optional<String> first(HttpHeaders headers, String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }
}
