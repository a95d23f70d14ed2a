package eu.selfdata.connectors;

import eu.selfdata.contract.problem.PlatformProblem;
import org.springframework.http.HttpStatus;

/** The connector API's own problem types; a missing connector or letter and a bad query are {@code CommonProblems}. */
public final class ConnectorProblems {

    /** A setting's text breaks its rule, or names a host the platform may not call; the body names the setting and its rule. */
    public static final PlatformProblem.Definition INVALID_SETTING =
            new PlatformProblem.Definition("invalid-setting", "Invalid connector setting", HttpStatus.BAD_REQUEST);

    public static final PlatformProblem.Definition DEAD_LETTER_CLOSED =
            new PlatformProblem.Definition("dead-letter-closed", "Dead letter already closed", HttpStatus.CONFLICT);
    public static final PlatformProblem.Definition RETRY_FAILED =
            new PlatformProblem.Definition("retry-failed", "The record still fails", HttpStatus.UNPROCESSABLE_CONTENT);

    private ConnectorProblems() {}
}
