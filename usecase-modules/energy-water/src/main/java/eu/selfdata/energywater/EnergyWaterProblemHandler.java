package eu.selfdata.energywater;

import eu.selfdata.energywater.reading.BadReadingFile;
import eu.selfdata.usecase.api.ModuleProblemHandler;
import eu.selfdata.usecase.api.limits.LimitExceededException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for the module's endpoints only; the platform's handler answers everywhere else. */
@RestControllerAdvice(basePackages = "eu.selfdata.energywater")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EnergyWaterProblemHandler extends ModuleProblemHandler {

    /** The line lets the portal point at the row to fix; nothing of the file is stored. */
    @ExceptionHandler(BadReadingFile.class)
    ResponseEntity<ProblemDetail> badFile(BadReadingFile e) {
        ProblemDetail problem = EnergyWaterProblems.BAD_READING_FILE.detail(e.getMessage());
        problem.setProperty("line", e.line());
        return problem(problem);
    }

    @ExceptionHandler(LimitExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(LimitExceededException e) {
        return problem(EnergyWaterProblems.READING_FILE_TOO_LARGE.detail(e.getMessage()));
    }
}
