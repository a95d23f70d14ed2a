package eu.selfdata.governance.problem;

import eu.selfdata.contract.problem.PlatformProblem;
import eu.selfdata.identity.VerifiedPerson;
import org.springframework.http.HttpStatus;

/**
 * governance's stable RFC 9457 problem types: clients match on the type. The {@code wrong-city}
 * answer is the platform contract's ({@link eu.selfdata.identity.WrongCity}).
 */
public enum ProblemType implements PlatformProblem {
    INVALID_REQUEST("invalid-request", "Invalid request", HttpStatus.BAD_REQUEST),
    INFEASIBLE_ALLOCATION(
            "infeasible-allocation", "Floors and caps cannot all be met", HttpStatus.UNPROCESSABLE_CONTENT),
    UNAUTHENTICATED("unauthenticated", "Authentication required", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Not allowed", HttpStatus.FORBIDDEN),
    NOT_THROUGH_GATEWAY("not-through-gateway", "Request did not come through the gateway", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    PERIOD_CLOSED("period-closed", "Budget period closed", HttpStatus.CONFLICT),
    COORDINATION_ROLE_EMPTY("coordination-role-empty", "A coordination role has no holder", HttpStatus.CONFLICT),
    LEAD_HANDOVER_REQUIRED(
            "lead-handover-required", "The lead coordinator changes only by transfer", HttpStatus.CONFLICT),
    PILOT_RUNNING("pilot-running", "Not allowed once the pilot runs", HttpStatus.CONFLICT),
    ALREADY_DONE("already-done", "Already recorded", HttpStatus.CONFLICT),
    STATE_CONFLICT("state-conflict", "Not allowed in the current state", HttpStatus.CONFLICT),
    EMAIL_NOT_VERIFIED(VerifiedPerson.PROBLEM),
    PANEL_RULE_NOT_MET("panel-rule-not-met", "The pilot's panel rule is not met", HttpStatus.FORBIDDEN),
    TENANT_SERVICE_UNAVAILABLE("tenant-service-unavailable", "Tenant service unavailable", HttpStatus.BAD_GATEWAY);

    private final Definition definition;

    ProblemType(String typeName, String title, HttpStatus status) {
        this.definition = new Definition(typeName, title, status);
    }

    /** A type the platform contract defines for every service. */
    ProblemType(PlatformProblem shared) {
        this.definition = shared.definition();
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
