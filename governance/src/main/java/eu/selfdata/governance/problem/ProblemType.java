package eu.selfdata.governance.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** Stable RFC 9457 problem types (same base as tenant-service's): clients match on the type. */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "Invalid request", HttpStatus.BAD_REQUEST),
    INFEASIBLE_ALLOCATION("infeasible-allocation", "Floors and caps cannot all be met", HttpStatus.UNPROCESSABLE_CONTENT),
    UNAUTHENTICATED("unauthenticated", "Authentication required", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Not allowed", HttpStatus.FORBIDDEN),
    WRONG_CITY("wrong-city", "Identity of another city", HttpStatus.FORBIDDEN),
    NOT_THROUGH_GATEWAY("not-through-gateway", "Request did not come through the gateway", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    PERIOD_CLOSED("period-closed", "Budget period closed", HttpStatus.CONFLICT),
    COORDINATION_ROLE_EMPTY("coordination-role-empty", "A coordination role has no holder", HttpStatus.CONFLICT),
    LEAD_HANDOVER_REQUIRED("lead-handover-required", "The lead coordinator changes only by transfer", HttpStatus.CONFLICT),
    PILOT_RUNNING("pilot-running", "Not allowed once the pilot runs", HttpStatus.CONFLICT),
    ALREADY_DONE("already-done", "Already recorded", HttpStatus.CONFLICT),
    STATE_CONFLICT("state-conflict", "Not allowed in the current state", HttpStatus.CONFLICT),
    TENANT_SERVICE_UNAVAILABLE("tenant-service-unavailable", "Tenant service unavailable", HttpStatus.BAD_GATEWAY);

    private static final String BASE = "https://selfdata.eu/problems/";
    private final String slug;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        return problem;
    }
}
