package eu.selfdata.gateway.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The session's access token for {@code TokenRelay}, refreshed when it expired. When Keycloak cannot
 * be reached for a refresh the request answers 503; when Keycloak refuses the refresh (its session
 * ended) the gateway session is ended too and the request goes on anonymously.
 */
class SessionTokens implements ReactiveOAuth2AuthorizedClientManager {

    private static final Logger log = LoggerFactory.getLogger(SessionTokens.class);

    private final ReactiveOAuth2AuthorizedClientManager delegate;

    SessionTokens(ReactiveOAuth2AuthorizedClientManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
        return delegate.authorize(request).onErrorResume(error -> {
            if (SecurityProblems.identityUnreachable(error)) {
                return Mono.error(IdentityProviderProbe.unavailable());
            }
            if (error instanceof OAuth2AuthorizationException refused) {
                log.info(
                        "Session of {} ended: token refresh refused ({})",
                        request.getPrincipal().getName(),
                        refused.getError().getErrorCode());
                return Mono.deferContextual(context -> context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
                                .map(ServerWebExchange::getSession)
                                .orElse(Mono.empty()))
                        .flatMap(WebSession::invalidate)
                        .then(Mono.empty());
            }
            return Mono.error(error);
        });
    }
}
