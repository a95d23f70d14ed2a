package eu.selfdata.waste;

import eu.selfdata.contract.problem.PlatformProblem;
import org.springframework.http.HttpStatus;

import java.util.List;

/** The waste module's own problem types (declared in {@link WasteModule#problems()}); the portal page words each in its language. */
public final class WasteProblems {

    /** Linking a bin needs the import consent first. */
    public static final PlatformProblem.Definition CONSENT_REQUIRED =
            new PlatformProblem.Definition("consent-required", "Consent required", HttpStatus.CONFLICT);
    /** Another household linked this bin. */
    public static final PlatformProblem.Definition BIN_ALREADY_LINKED =
            new PlatformProblem.Definition("bin-already-linked", "Bin already linked", HttpStatus.CONFLICT);

    public static final List<PlatformProblem> ALL = List.of(CONSENT_REQUIRED, BIN_ALREADY_LINKED);

    private WasteProblems() {
    }
}
