package eu.selfdata.gateway.ratelimit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * What a request costs the platform, read from its method, path and headers alone (runs on every request: no
 * regular expression, no body). Pages and static files are {@code OTHER}: not limited here, never metered.
 */
enum RequestKind {
    /** a step of signing in: {@code /login}, the authorization start, its callback */
    SIGN_IN,
    /** a call to a service API: {@code /api/**}, {@code /governance/**} */
    API,
    /** a POST or PUT with a multipart body or one over {@value #UPLOAD_BYTES} bytes (or of unknown length) */
    UPLOAD,
    OTHER;

    static final long UPLOAD_BYTES = 64 * 1024;

    static RequestKind of(ServerHttpRequest request) {
        String path = request.getPath().value();
        if (path.equals("/login")
                || path.startsWith("/oauth2/authorization/")
                || path.startsWith("/login/oauth2/code/")) {
            return SIGN_IN;
        }
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            HttpHeaders headers = request.getHeaders();
            String type = headers.getFirst(HttpHeaders.CONTENT_TYPE);
            long length = headers.getContentLength();
            boolean chunked = headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
            if ((type != null && type.regionMatches(true, 0, "multipart/", 0, 10))
                    || length > UPLOAD_BYTES
                    || (length < 0 && chunked)) {
                return UPLOAD;
            }
        }
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/governance/") ? API : OTHER;
    }
}
