package eu.selfdata.mobility.trace;

/** An upload that cannot be stored as it is; nothing of it is kept. */
public class InvalidTraceException extends RuntimeException {

    private final TraceProblem problem;

    public InvalidTraceException(TraceProblem problem, String detail) {
        super(detail, null, false, false);
        this.problem = problem;
    }

    public InvalidTraceException(TraceProblem problem, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.problem = problem;
    }

    public TraceProblem problem() {
        return problem;
    }

    /** The same problem, its detail prefixed with where it happened, e.g. "point 12: ". */
    InvalidTraceException at(String where) {
        return new InvalidTraceException(problem, where + ": " + getMessage(), getCause());
    }
}
