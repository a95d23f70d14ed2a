package eu.selfdata.tenant.problem;

/** A destructive operation sent without the confirmation it needs. */
public class ConfirmationRequiredException extends RuntimeException {
    public ConfirmationRequiredException(String message) {
        super(message);
    }
}
