package eu.selfdata.gateway.identity;

import eu.selfdata.gateway.security.PublicOrigins;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * The session cookie: {@code SESSION}, host-only (never a {@code Domain}, so La Rochelle's cookie is
 * not sent to lyon.localhost nor to the platform host), {@code HttpOnly}, {@code SameSite=Lax},
 * {@code Secure} whenever the browser is on https (also behind a trusted TLS-terminating proxy).
 */
@Component
class SessionCookie implements WebSessionIdResolver {

    static final String NAME = SessionCookieRemover.SESSION_COOKIE;

    private final PublicOrigins origins;

    SessionCookie(PublicOrigins origins) {
        this.origins = origins;
    }

    /** Whether the request carries a session cookie: without one there is no session to look up. */
    static boolean isPresent(ServerHttpRequest request) {
        return request.getCookies().containsKey(NAME);
    }

    @Override
    public List<String> resolveSessionIds(ServerWebExchange exchange) {
        return exchange.getRequest().getCookies().getOrDefault(NAME, List.of()).stream()
                .map(HttpCookie::getValue)
                .toList();
    }

    @Override
    public void setSessionId(ServerWebExchange exchange, String id) {
        exchange.getResponse().getCookies().set(NAME, cookie(exchange, id, null));
    }

    @Override
    public void expireSession(ServerWebExchange exchange) {
        exchange.getResponse().getCookies().set(NAME, cookie(exchange, "", Duration.ZERO));
    }

    private ResponseCookie cookie(ServerWebExchange exchange, String value, Duration maxAge) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(NAME, value)
                .path("/")
                .httpOnly(true)
                .sameSite("Lax")
                .secure(origins.overTls(exchange.getRequest()));
        return (maxAge == null ? cookie : cookie.maxAge(maxAge)).build();
    }
}
