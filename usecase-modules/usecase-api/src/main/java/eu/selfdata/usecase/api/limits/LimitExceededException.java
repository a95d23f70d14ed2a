package eu.selfdata.usecase.api.limits;

/**
 * Hostile or oversized input stopped at a cap while it was being read. The message names what was
 * read (a zip entry, a body) and the cap, never the content.
 */
public class LimitExceededException extends RuntimeException {

    public LimitExceededException(String message) {
        super(message);
    }
}
