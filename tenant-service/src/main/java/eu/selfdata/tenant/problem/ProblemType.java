package eu.selfdata.tenant.problem;

import eu.selfdata.contract.problem.PlatformProblem;
import eu.selfdata.usecase.api.CommonProblems;
import org.springframework.http.HttpStatus;

/**
 * tenant-service's stable RFC 9457 problem types: clients may match on {@link #uri()}. The
 * {@code wrong-city} answer is the platform contract's ({@link eu.selfdata.identity.WrongCity}).
 */
public enum ProblemType implements PlatformProblem {
    INVALID_TENANT_ID("invalid-tenant-id", "Invalid city slug", HttpStatus.BAD_REQUEST),
    INVALID_REQUEST(CommonProblems.INVALID_REQUEST),
    UNKNOWN_MODULE("unknown-module", "Unknown module", HttpStatus.BAD_REQUEST),
    UNKNOWN_CLUSTER("unknown-cluster", "Unknown database cluster", HttpStatus.BAD_REQUEST),
    MISSING_TENANT("missing-tenant", "No city in request", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", "Authentication required", HttpStatus.UNAUTHORIZED),
    FORBIDDEN(CommonProblems.FORBIDDEN),
    NOT_THROUGH_GATEWAY("not-through-gateway", "Request did not come through the gateway", HttpStatus.FORBIDDEN),
    INDIVIDUAL_DATA_REFUSED("individual-data-refused", "Aggregates only", HttpStatus.FORBIDDEN),
    ACCOUNT_ERASED("account-erased", "Account erased", HttpStatus.GONE),
    MODULE_NOT_ENABLED("module-not-enabled", "Module not enabled in this city", HttpStatus.NOT_FOUND),
    IDENTITY_UNAVAILABLE("identity-unavailable", "Identity server unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    UNKNOWN_TENANT("unknown-tenant", "Unknown city", HttpStatus.NOT_FOUND),
    NOT_FOUND(CommonProblems.NOT_FOUND),
    TENANT_EXISTS("tenant-exists", "City or domain already registered", HttpStatus.CONFLICT),
    TENANT_STATE_CONFLICT("tenant-state-conflict", "Not allowed in the city's current status", HttpStatus.CONFLICT),
    CONFIRMATION_REQUIRED("confirmation-required", "Confirmation required", HttpStatus.UNPROCESSABLE_CONTENT),
    TENANT_SUSPENDED("tenant-suspended", "City suspended", HttpStatus.LOCKED),
    TENANT_UNAVAILABLE("tenant-unavailable", "City temporarily unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    CITY_MOVING("city-moving", "City moving to another database", HttpStatus.SERVICE_UNAVAILABLE),
    MOVE_FAILED("move-failed", "City move failed, the city stays where it was", HttpStatus.CONFLICT),
    ALREADY_VERIFIED("already-verified", "E-mail address already verified", HttpStatus.CONFLICT),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    ARCHIVE_UNREADABLE("archive-unreadable", "City archive unreadable", HttpStatus.BAD_REQUEST),
    RESTORE_TARGET_NOT_READY("restore-target-not-ready", "City not ready for a restore", HttpStatus.CONFLICT),
    RETENTION_TOO_LONG("retention-too-long", "Longer than the module's maximum retention", HttpStatus.BAD_REQUEST),
    INDICATOR_COMPUTED_THIS_PERIOD(
            "indicator-computed-this-period", "Indicator already computed this period", HttpStatus.TOO_MANY_REQUESTS),
    MAIL_NOT_SENT("mail-not-sent", "Mail not sent", HttpStatus.BAD_GATEWAY),
    NO_TENANT_CONTEXT("no-tenant-context", "Internal error: no city in context", HttpStatus.INTERNAL_SERVER_ERROR);

    private final Definition definition;

    ProblemType(String typeName, String title, HttpStatus status) {
        this.definition = new Definition(typeName, title, status);
    }

    /** A type every part of the platform shares, defined once in the module SPI ({@link CommonProblems}). */
    ProblemType(Definition shared) {
        this.definition = shared;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
