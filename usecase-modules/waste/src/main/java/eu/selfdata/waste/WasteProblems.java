package eu.selfdata.waste;

import eu.selfdata.contract.problem.PlatformProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The waste module's own problem types (declared in {@link WasteModule#problems()}); the portal page words each in its language. */
public final class WasteProblems {

    /** Linking a bin needs the import consent first. */
    public static final PlatformProblem.Definition CONSENT_REQUIRED =
            new PlatformProblem.Definition("consent-required", "Consent required", HttpStatus.CONFLICT);
    /** Another account holds this bin: the claim is recorded for the city admin. */
    public static final PlatformProblem.Definition BIN_DISPUTED =
            new PlatformProblem.Definition("bin-disputed", "Bin held by another household", HttpStatus.CONFLICT);
    /** The typed code is not the bin's activation code (or the operator sent none yet). */
    public static final PlatformProblem.Definition WRONG_ACTIVATION_CODE = new PlatformProblem.Definition(
            "wrong-activation-code", "Wrong activation code", HttpStatus.UNPROCESSABLE_CONTENT);
    /** Too many wrong codes for one bin: its code is locked for an hour. */
    public static final PlatformProblem.Definition ACTIVATION_LOCKED = new PlatformProblem.Definition(
            "activation-locked", "Too many wrong activation codes", HttpStatus.TOO_MANY_REQUESTS);

    public static final List<PlatformProblem> ALL =
            List.of(CONSENT_REQUIRED, BIN_DISPUTED, WRONG_ACTIVATION_CODE, ACTIVATION_LOCKED);

    private WasteProblems() {}
}
