package eu.selfdata.usecase.api;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every module's problem handler answers alike: its own problems thrown as {@link ErrorResponseException}s,
 * and requests it cannot read as {@code invalid-request}. A module extends it in a
 * {@code @RestControllerAdvice(basePackages = "its package")} ordered first, and adds handlers for its own exceptions
 * with {@link #problem(ProblemDetail)}; the platform's handler answers everywhere else.
 */
public abstract class ModuleProblemHandler {

    @ExceptionHandler(ErrorResponseException.class)
    protected ResponseEntity<ProblemDetail> errorResponse(ErrorResponseException e) {
        return problem(e.getBody());
    }

    @ExceptionHandler({
        IllegalArgumentException.class,
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class
    })
    protected ResponseEntity<ProblemDetail> invalidRequest(Exception e) {
        return problem(CommonProblems.INVALID_REQUEST.detail(
                e instanceof HttpMessageNotReadableException ? "the request body cannot be read" : e.getMessage()));
    }

    /** The problem as an RFC 9457 response, with its status and media type. */
    protected static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
