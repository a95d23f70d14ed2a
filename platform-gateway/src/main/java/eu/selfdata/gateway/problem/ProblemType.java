package eu.selfdata.gateway.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The stable problem types the gateway answers with; clients may switch on {@link #uri()}. Types
 * tenant-service also uses keep its titles, so one type always reads the same.
 */
public enum ProblemType {

    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_TENANT("unknown-tenant", HttpStatus.NOT_FOUND, "Unknown city"),
    TENANT_SUSPENDED("tenant-suspended", HttpStatus.LOCKED, "City suspended"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    UPSTREAM_TIMEOUT("upstream-timeout", HttpStatus.GATEWAY_TIMEOUT, "Upstream timeout"),
    REQUEST_REJECTED("request-rejected", HttpStatus.BAD_REQUEST, "Request rejected"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Unauthenticated"),
    WRONG_CITY("wrong-city", HttpStatus.FORBIDDEN, "Wrong city"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    CROSS_ORIGIN_REQUEST("cross-origin-request", HttpStatus.FORBIDDEN, "Cross-origin request refused"),
    IDENTITY_UNAVAILABLE("identity-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Sign-in unavailable"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private static final String BASE = "https://selfdata.eu/problems/";

    private final URI uri;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.uri = URI.create(BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
