package eu.selfdata.gateway.identity;

import eu.selfdata.gateway.security.PublicOrigins;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Starts a sign-in at {@code /oauth2/authorization/{registrationId}} (PKCE S256 and nonce from
 * Spring's resolver), once Keycloak answers, with the redirect URI on the origin the browser is on:
 * the city's own host, so the callback and the session cookie stay on it.
 */
class LoginRequestResolver implements ServerOAuth2AuthorizationRequestResolver {

    static final String CALLBACK_PATH = "/login/oauth2/code/";

    private final DefaultServerOAuth2AuthorizationRequestResolver delegate;
    private final IdentityProviderProbe probe;
    private final PublicOrigins origins;

    LoginRequestResolver(LoginRegistrations registrations, IdentityProviderProbe probe, PublicOrigins origins) {
        this.delegate = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        this.probe = probe;
        this.origins = origins;
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
        return delegate.resolve(exchange).flatMap(request -> withProbe(exchange, request));
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
        return delegate.resolve(exchange, clientRegistrationId).flatMap(request -> withProbe(exchange, request));
    }

    private Mono<OAuth2AuthorizationRequest> withProbe(ServerWebExchange exchange, OAuth2AuthorizationRequest request) {
        String registrationId = request.getAttribute(OAuth2ParameterNames.REGISTRATION_ID);
        String redirectUri = origins.of(exchange.getRequest()) + CALLBACK_PATH + registrationId;
        return probe.ensureReachable()
                .thenReturn(OAuth2AuthorizationRequest.from(request)
                        .redirectUri(redirectUri)
                        .build());
    }
}
