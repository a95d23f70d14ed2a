package eu.selfdata.usecase.api;

import eu.selfdata.contract.problem.PlatformProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Problem types every part of the platform answers with, whoever raises them: the host, a module or
 * a connector ({@code CommonProblems.NOT_FOUND.exception("You have no trip 42")}). A module's own
 * types are {@link PlatformProblem.Definition}s it lists in {@link UseCaseModule#problems()}.
 */
public final class CommonProblems {

    public static final PlatformProblem.Definition INVALID_REQUEST =
            new PlatformProblem.Definition("invalid-request", "Invalid request", HttpStatus.BAD_REQUEST);
    public static final PlatformProblem.Definition NOT_FOUND =
            new PlatformProblem.Definition("not-found", "Not found", HttpStatus.NOT_FOUND);
    /** What {@link CityStaff} answers to anyone but the city's staff. */
    public static final PlatformProblem.Definition FORBIDDEN =
            new PlatformProblem.Definition("forbidden", "Not allowed", HttpStatus.FORBIDDEN);

    public static final List<PlatformProblem.Definition> ALL = List.of(INVALID_REQUEST, NOT_FOUND, FORBIDDEN);

    private CommonProblems() {}
}
