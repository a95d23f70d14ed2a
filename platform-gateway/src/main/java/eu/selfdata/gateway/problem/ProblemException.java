package eu.selfdata.gateway.problem;

/** A refusal decided by the gateway, rendered as an RFC 9457 problem of the given type. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }
}
