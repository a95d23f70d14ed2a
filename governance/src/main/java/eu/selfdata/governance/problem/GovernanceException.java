package eu.selfdata.governance.problem;

/** A refusal every feature throws with the problem type the client will see. */
public class GovernanceException extends RuntimeException {

    private final ProblemType type;

    public GovernanceException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    public static GovernanceException notFound(String what) {
        return new GovernanceException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static GovernanceException forbidden(String detail) {
        return new GovernanceException(ProblemType.FORBIDDEN, detail);
    }

    public static GovernanceException invalid(String detail) {
        return new GovernanceException(ProblemType.INVALID_REQUEST, detail);
    }
}
