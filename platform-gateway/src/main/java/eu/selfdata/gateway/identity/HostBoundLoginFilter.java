package eu.selfdata.gateway.identity;

import eu.selfdata.gateway.problem.ProblemException;
import eu.selfdata.gateway.problem.ProblemType;
import java.net.URI;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps sign-in on the host it is for: {@code /oauth2/authorization/{id}} and
 * {@code /login/oauth2/code/{id}} exist only where {@code id} is the host's city (or {@code platform}
 * on the platform host), anything else is 404; {@code GET /login} starts the host's own sign-in.
 */
@Component
class HostBoundLoginFilter implements WebFilter, Ordered {

    /** After tenant resolution ({@code HIGHEST_PRECEDENCE + 20}), long before Spring Security (-100). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    static final String AUTHORIZATION_PATH = "/oauth2/authorization/";
    static final String LOGIN_PATH = "/login";

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        Optional<String> hostRegistration = LoginRegistrations.registrationIdOf(exchange);
        if (path.equals(LOGIN_PATH)
                && exchange.getRequest().getMethod() == HttpMethod.GET
                && hostRegistration.isPresent()) {
            exchange.getResponse().setStatusCode(HttpStatus.FOUND);
            exchange.getResponse().getHeaders().setLocation(URI.create(AUTHORIZATION_PATH + hostRegistration.get()));
            return exchange.getResponse().setComplete();
        }
        Optional<String> requested = registrationIn(path);
        if (requested.isPresent() && !requested.equals(hostRegistration)) {
            return Mono.error(new ProblemException(ProblemType.NOT_FOUND, "There is no such sign-in on this host."));
        }
        return chain.filter(exchange);
    }

    private static Optional<String> registrationIn(String path) {
        for (String prefix : new String[] {AUTHORIZATION_PATH, LoginRequestResolver.CALLBACK_PATH}) {
            if (path.startsWith(prefix)) {
                return Optional.of(path.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }
}
