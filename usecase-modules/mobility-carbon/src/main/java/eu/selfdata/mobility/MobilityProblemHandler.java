package eu.selfdata.mobility;

import eu.selfdata.contract.problem.PlatformProblem;
import eu.selfdata.mobility.trace.InvalidTraceException;
import eu.selfdata.usecase.api.CommonProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Problem details for the module's endpoints only; the platform's handler answers everywhere else. */
@RestControllerAdvice(basePackages = "eu.selfdata.mobility")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MobilityProblemHandler {

    @ExceptionHandler(InvalidTraceException.class)
    ResponseEntity<ProblemDetail> invalidTrace(InvalidTraceException e) {
        return problem(new PlatformProblem.Definition(
                        e.problem().slug(),
                        "Trace refused",
                        HttpStatus.valueOf(e.problem().status()))
                .detail(e.getMessage()));
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
                e instanceof HttpMessageNotReadableException ? "the request body cannot be read" : e.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
