package eu.selfdata.tenant.problem;

import java.time.Instant;

/** A refusal that ends at a known time: answered with {@code Retry-After} and the time as {@code retryAt}. */
public class RetryLaterException extends ProblemException {

    private final Instant retryAt;

    public RetryLaterException(ProblemType type, String detail, Instant retryAt) {
        super(type, detail);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
