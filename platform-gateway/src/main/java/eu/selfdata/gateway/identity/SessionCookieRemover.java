package eu.selfdata.gateway.identity;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps the gateway's session cookie between the browser and the gateway: the services get the
 * session's access token ({@code TokenRelay}), never the session id that would let them replay it.
 */
@Component
class SessionCookieRemover implements HttpHeadersFilter {

    static final String SESSION_COOKIE = "SESSION";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        List<String> cookies = input.getOrEmpty(HttpHeaders.COOKIE);
        if (cookies.stream().noneMatch(header -> header.contains(SESSION_COOKIE))) {
            return input;
        }
        HttpHeaders output = HttpHeaders.copyOf(input);
        String kept = cookies.stream()
                .flatMap(header -> Arrays.stream(header.split(";")))
                .map(String::strip)
                .filter(pair -> !pair.isEmpty() && !pair.startsWith(SESSION_COOKIE + "="))
                .collect(Collectors.joining("; "));
        if (kept.isEmpty()) {
            output.remove(HttpHeaders.COOKIE);
        } else {
            output.set(HttpHeaders.COOKIE, kept);
        }
        return output;
    }
}
