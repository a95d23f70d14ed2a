package eu.selfdata.gateway.identity;

import eu.selfdata.gateway.problem.ProblemException;
import eu.selfdata.gateway.problem.ProblemPage;
import eu.selfdata.gateway.problem.ProblemType;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every refusal Spring Security makes, as the gateway's problems (rendered as JSON or, for a
 * browser, as an HTML page): 401 {@code unauthenticated}, 403 {@code wrong-city} or
 * {@code forbidden}, 503 {@code identity-unavailable}. A browser without a session that needs one
 * is sent to sign in instead.
 */
final class SecurityProblems {

    private static final String BEARER = "Bearer";
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    private SecurityProblems() {}

    static ServerAuthenticationEntryPoint entryPoint(ServerRequestCache requestCache) {
        DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();
        return (exchange, refusal) -> {
            if (isBrowserNavigation(exchange)) {
                return requestCache
                        .saveRequest(exchange)
                        .then(redirect.sendRedirect(exchange, URI.create(HostBoundLoginFilter.LOGIN_PATH)));
            }
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, BEARER);
            return Mono.error(new ProblemException(
                    ProblemType.UNAUTHENTICATED,
                    "Sign in, or present a bearer token issued by the platform's identity service."));
        };
    }

    /** For a presented bearer token that does not pass. */
    static ServerAuthenticationFailureHandler bearerFailure() {
        return (webFilterExchange, refusal) -> {
            if (refusal instanceof AuthenticationServiceException) {
                return Mono.error(IdentityProviderProbe.unavailable());
            }
            webFilterExchange.getExchange().getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN);
            return Mono.error(new ProblemException(
                    ProblemType.UNAUTHENTICATED,
                    "The bearer token is not accepted: it is malformed, expired, not signed by the platform's "
                            + "identity service or not issued for the platform API."));
        };
    }

    /** For a browser sign-in that did not complete. */
    static ServerAuthenticationFailureHandler loginFailure() {
        return (WebFilterExchange webFilterExchange, AuthenticationException refusal) -> {
            if (refusal instanceof OAuth2AuthenticationException oauth
                    && SessionUserService.WRONG_CITY.equals(oauth.getError().getErrorCode())) {
                return Mono.error(new ProblemException(
                        ProblemType.WRONG_CITY,
                        "Your account is not registered with the city served at this address."));
            }
            if (identityUnreachable(refusal)) {
                return Mono.error(IdentityProviderProbe.unavailable());
            }
            String code = refusal instanceof OAuth2AuthenticationException oauth
                    ? oauth.getError().getErrorCode()
                    : "failed";
            return Mono.error(new ProblemException(
                    ProblemType.UNAUTHENTICATED,
                    "Signing in did not complete (" + code + "). Please start again from the home page."));
        };
    }

    static ServerAccessDeniedHandler accessDenied() {
        return (exchange, denied) -> {
            if (exchange.getAttribute(AccessRules.Refusal.ATTRIBUTE) instanceof AccessRules.Refusal refusal) {
                return Mono.error(new ProblemException(refusal.type(), refusal.detail()));
            }
            return Mono.error(new ProblemException(ProblemType.FORBIDDEN, "This request is not allowed."));
        };
    }

    /** Connection refused, timeout, keys that cannot be fetched: Keycloak is not answering. */
    static boolean identityUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException
                    || cause instanceof TimeoutException
                    || cause instanceof WebClientRequestException) {
                return true;
            }
        }
        return false;
    }

    /** A page load by a browser (HTML ranked above JSON) carrying no bearer token. */
    private static boolean isBrowserNavigation(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return !headers.containsHeader(HttpHeaders.AUTHORIZATION) && ProblemPage.prefersHtml(headers.getAccept());
    }
}
