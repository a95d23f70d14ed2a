package eu.selfdata.gateway.identity;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Browser sessions kept in the WebSession, each valid only on the host it signed in on: a session
 * remembers its city as the registration it signed in with, and on any other host it is not there.
 * (The cookie is host-only as well, so a browser never sends it elsewhere; this holds when the
 * cookie is replayed by hand.)
 */
class HostBoundSecurityContextRepository implements ServerSecurityContextRepository {

    private final WebSessionServerSecurityContextRepository delegate = new WebSessionServerSecurityContextRepository();

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return delegate.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        // No session cookie, no session: asking for one would create it, off the event loop, on every request.
        if (!SessionCookie.isPresent(exchange.getRequest())) {
            return Mono.empty();
        }
        return delegate.load(exchange).filter(context -> belongsHere(context, exchange));
    }

    private static boolean belongsHere(SecurityContext context, ServerWebExchange exchange) {
        return context.getAuthentication() instanceof OAuth2AuthenticationToken session
                && LoginRegistrations.registrationIdOf(exchange)
                        .filter(session.getAuthorizedClientRegistrationId()::equals)
                        .isPresent();
    }
}
