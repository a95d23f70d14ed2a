package eu.selfdata.gateway.ratelimit;

import eu.selfdata.contract.RateLimits;
import eu.selfdata.gateway.problem.ProblemException;
import eu.selfdata.gateway.problem.ProblemType;
import eu.selfdata.gateway.tenancy.ServedHost;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The gateway's rate limits, per city as its coordinator set them ({@link RateLimits}, from the tenant directory),
 * in two filters around Spring Security's chain. Before it, per client address: sign-in steps (which the security
 * chain answers itself, so nothing after it would see them) and API calls. After it, per account: API calls and
 * uploads (an anonymous upload counts against its address). A refusal is a 429 {@code too-many-requests} problem
 * with {@code Retry-After} in whole seconds. The client address is the connection's peer, or the last hop a trusted
 * proxy reports ({@code X-Forwarded-For} survives the header hygiene only from one).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitFilters {

    /** After the city is resolved (HIGHEST_PRECEDENCE + 20), before /login is answered (+ 100) and Spring Security (-100). */
    static final int BEFORE_SECURITY = Ordered.HIGHEST_PRECEDENCE + 50;

    static final int AFTER_SECURITY = 0;
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    @Bean
    WebFilter rateLimitPerAddress(RateLimiter limiter) {
        return new OrderedFilter(BEFORE_SECURITY, (exchange, chain) -> {
            Optional<ServedHost> served = ServedHost.of(exchange);
            RequestKind kind = RequestKind.of(exchange.getRequest());
            if (served.isEmpty() || kind == RequestKind.OTHER || kind == RequestKind.UPLOAD) {
                return chain.filter(exchange);
            }
            RateLimits limits = served.get().rateLimits();
            RateLimiter.Key key = kind == RequestKind.SIGN_IN
                    ? new RateLimiter.Key(
                            served.get().tenant(),
                            RateLimiter.Limit.SIGN_IN_PER_ADDRESS,
                            address(exchange.getRequest()),
                            limits.signInsPerAddressPerMinute())
                    : new RateLimiter.Key(
                            served.get().tenant(),
                            RateLimiter.Limit.API_PER_ADDRESS,
                            address(exchange.getRequest()),
                            limits.apiPerAddressPerMinute());
            return admit(limiter, key, exchange).then(chain.filter(exchange));
        });
    }

    @Bean
    WebFilter rateLimitPerAccount(RateLimiter limiter) {
        return new OrderedFilter(AFTER_SECURITY, (exchange, chain) -> {
            Optional<ServedHost> served = ServedHost.of(exchange);
            RequestKind kind = RequestKind.of(exchange.getRequest());
            if (served.isEmpty() || (kind != RequestKind.API && kind != RequestKind.UPLOAD)) {
                return chain.filter(exchange);
            }
            RateLimits limits = served.get().rateLimits();
            return exchange.getPrincipal()
                    .map(Principal::getName)
                    .map(name -> "account:" + name)
                    .switchIfEmpty(Mono.fromSupplier(
                            () -> kind == RequestKind.UPLOAD ? "address:" + address(exchange.getRequest()) : ""))
                    .flatMap(who -> who.isEmpty()
                            ? Mono.<Void>empty()
                            : admit(
                                    limiter,
                                    kind == RequestKind.UPLOAD
                                            ? new RateLimiter.Key(
                                                    served.get().tenant(),
                                                    RateLimiter.Limit.UPLOAD_PER_ACCOUNT,
                                                    who,
                                                    limits.uploadsPerAccountPerHour())
                                            : new RateLimiter.Key(
                                                    served.get().tenant(),
                                                    RateLimiter.Limit.API_PER_ACCOUNT,
                                                    who,
                                                    limits.apiPerAccountPerMinute()),
                                    exchange))
                    .then(chain.filter(exchange));
        });
    }

    private static Mono<Void> admit(RateLimiter limiter, RateLimiter.Key key, ServerWebExchange exchange) {
        Optional<Duration> wait = limiter.take(key);
        if (wait.isEmpty()) {
            return Mono.empty();
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Mono.error(new ProblemException(
                ProblemType.TOO_MANY_REQUESTS,
                "Too many requests of this kind ("
                        + key.limit().name().toLowerCase().replace('_', ' ') + ": " + key.perPeriod() + " per "
                        + (key.limit().period.toHours() >= 1 ? "hour" : "minute") + "); try again in " + seconds
                        + " s."));
    }

    static String address(ServerHttpRequest request) {
        List<String> forwarded = request.getHeaders().getOrEmpty(X_FORWARDED_FOR);
        if (!forwarded.isEmpty()) {
            String last = forwarded.getLast();
            int comma = last.lastIndexOf(',');
            return (comma < 0 ? last : last.substring(comma + 1)).strip();
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null
                ? "unknown"
                : remote.getAddress() == null
                        ? remote.getHostString()
                        : remote.getAddress().getHostAddress();
    }

    /** A WebFilter at a fixed place in the chain. */
    private record OrderedFilter(int order, WebFilter filter) implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, org.springframework.web.server.WebFilterChain chain) {
            return filter.filter(exchange, chain);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
