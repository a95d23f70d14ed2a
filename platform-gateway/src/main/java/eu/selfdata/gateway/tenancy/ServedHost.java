package eu.selfdata.gateway.tenancy;

import eu.selfdata.contract.RateLimits;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/** Who a request is served for, decided from the Host before routing and kept on the exchange. */
public sealed interface ServedHost {

    String ATTRIBUTE = ServedHost.class.getName();

    /** The tenant the services see in the signature: the slug, or "" on the platform host. */
    String tenant();

    /** How much one address or account may ask on this host (the platform host has the defaults). */
    RateLimits rateLimits();

    static Optional<ServedHost> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    static boolean isCity(ServerWebExchange exchange) {
        return of(exchange).filter(City.class::isInstance).isPresent();
    }

    static boolean isPlatform(ServerWebExchange exchange) {
        return of(exchange).filter(Platform.class::isInstance).isPresent();
    }

    record Platform() implements ServedHost {
        @Override
        public String tenant() {
            return "";
        }

        @Override
        public RateLimits rateLimits() {
            return RateLimits.DEFAULTS;
        }
    }

    record City(String slug, RateLimits rateLimits) implements ServedHost {
        @Override
        public String tenant() {
            return slug;
        }
    }
}
