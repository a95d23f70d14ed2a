package eu.selfdata.gateway.identity;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The token of {@code Authorization: Bearer <token>}, read as Spring's
 * {@code ServerBearerTokenAuthenticationConverter} reads it (scheme in any case, one space, then
 * RFC 6750's b64token: {@code [A-Za-z0-9-._~+/]+=*}; anything else after the scheme is malformed,
 * 401; no scheme or another one, no bearer token), with a character scan instead of its regular
 * expression, which cost a measurable share of every bearer request on a 1.4 KB Keycloak token.
 * Tokens are never read from the query string or a form.
 */
class BearerTokenReader implements ServerAuthenticationConverter {

    private static final String SCHEME = "Bearer";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Mono.empty();
        }
        int start = SCHEME.length() + 1;
        if (authorization.length() <= start
                || authorization.charAt(start - 1) != ' '
                || !isB64Token(authorization, start)) {
            return Mono.error(
                    new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
        }
        return Mono.just(new BearerTokenAuthenticationToken(authorization.substring(start)));
    }

    /** RFC 6750 section 2.1: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    private static boolean isB64Token(String value, int start) {
        int end = value.length();
        while (end > start && value.charAt(end - 1) == '=') {
            end--;
        }
        if (end == start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '+'
                    || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
