package eu.selfdata.gateway.identity;

import eu.selfdata.gateway.security.PublicOrigins;
import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.server.WebSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * {@code POST /logout}: ends the gateway session (tokens with it), then sends the browser to
 * Keycloak's RP-initiated logout with {@code id_token_hint}, which ends the Keycloak session and
 * comes back to the home page of the host the browser was on.
 */
class KeycloakLogout implements ServerLogoutHandler, ServerLogoutSuccessHandler {

    private final IdentityProperties properties;
    private final PublicOrigins origins;
    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    KeycloakLogout(IdentityProperties properties, PublicOrigins origins) {
        this.properties = properties;
        this.origins = origins;
    }

    /** Invalidates the session only when it is this host's (a session of another host is not ours to end). */
    @Override
    public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
        if (authentication == null) {
            return Mono.empty();
        }
        return exchange.getExchange().getSession().flatMap(WebSession::invalidate);
    }

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        String home = origins.of(exchange.getExchange().getRequest()) + "/";
        URI target = URI.create(home);
        if (authentication instanceof OAuth2AuthenticationToken session
                && session.getPrincipal() instanceof OidcUser user) {
            target = UriComponentsBuilder.fromUriString(properties.endpoint("logout"))
                    .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                    .queryParam("post_logout_redirect_uri", home)
                    .encode()
                    .build()
                    .toUri();
        }
        return redirect.sendRedirect(exchange.getExchange(), target);
    }
}
