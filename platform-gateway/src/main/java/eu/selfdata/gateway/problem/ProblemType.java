package eu.selfdata.gateway.problem;

import eu.selfdata.contract.problem.PlatformProblem;
import org.springframework.http.HttpStatus;

/**
 * The stable problem types the gateway answers with; clients may switch on {@link #uri()}. The
 * titles speak to the person behind a browser (they head the HTML problem page), so some read
 * differently from the services' titles of the same type.
 */
public enum ProblemType implements PlatformProblem {
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
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    IDENTITY_UNAVAILABLE("identity-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Sign-in unavailable"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final Definition definition;

    ProblemType(String typeName, HttpStatus status, String title) {
        this.definition = new Definition(typeName, title, status);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
