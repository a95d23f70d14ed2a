package eu.selfdata.tenant.onboarding;

/**
 * Thrown by a step whose dependency is temporarily unavailable (identity server down...): the saga
 * keeps the city PROVISIONING, compensates nothing, and the resumer runs the step again later.
 */
public class RetryLaterException extends RuntimeException {
    public RetryLaterException(String message, Throwable cause) {
        super(message, cause);
    }
}
