package eu.selfdata.energywater;

import eu.selfdata.energywater.reading.BadReadingFile;
import eu.selfdata.usecase.api.CommonProblems;
import eu.selfdata.usecase.api.limits.LimitExceededException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Problem details for the module's endpoints only; the platform's handler answers everywhere else. */
@RestControllerAdvice(basePackages = "eu.selfdata.energywater")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EnergyWaterProblemHandler {

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

    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> errorResponse(ErrorResponseException e) {
        return problem(e.getBody());
    }

    @ExceptionHandler({
        IllegalArgumentException.class,
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class
    })
    ResponseEntity<ProblemDetail> invalidRequest(Exception e) {
        return problem(CommonProblems.INVALID_REQUEST.detail(
                e instanceof IllegalArgumentException ? e.getMessage() : "the request cannot be read"));
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
