package eu.selfdata.energywater;

import eu.selfdata.contract.problem.PlatformProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The module's own problem types (declared in {@link EnergyWaterModule#problems()}). */
public final class EnergyWaterProblems {

    /** Linking a meter, or importing for it, needs the fluid's import consent first. */
    public static final PlatformProblem.Definition CONSENT_REQUIRED =
            new PlatformProblem.Definition("consent-required", "Consent required", HttpStatus.CONFLICT);
    /** The citizen already linked this meter. */
    public static final PlatformProblem.Definition METER_ALREADY_LINKED =
            new PlatformProblem.Definition("meter-already-linked", "Meter already linked", HttpStatus.CONFLICT);
    /** A file that is not what it claims: the detail and the {@code line} property say where. */
    public static final PlatformProblem.Definition BAD_READING_FILE = new PlatformProblem.Definition(
            "bad-reading-file", "Consumption file refused", HttpStatus.UNPROCESSABLE_CONTENT);
    /** A file past the module's byte cap. */
    public static final PlatformProblem.Definition READING_FILE_TOO_LARGE = new PlatformProblem.Definition(
            "reading-file-too-large", "Consumption file too large", HttpStatus.CONTENT_TOO_LARGE);

    public static final List<PlatformProblem> ALL =
            List.of(CONSENT_REQUIRED, METER_ALREADY_LINKED, BAD_READING_FILE, READING_FILE_TOO_LARGE);

    private EnergyWaterProblems() {}
}
