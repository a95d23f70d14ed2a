package eu.selfdata.mobility;

import eu.selfdata.contract.problem.PlatformProblem;
import eu.selfdata.mobility.trace.InvalidTraceException;
import eu.selfdata.usecase.api.ModuleProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for the module's endpoints only; the platform's handler answers everywhere else. */
@RestControllerAdvice(basePackages = "eu.selfdata.mobility")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MobilityProblemHandler extends ModuleProblemHandler {

    @ExceptionHandler(InvalidTraceException.class)
    ResponseEntity<ProblemDetail> invalidTrace(InvalidTraceException e) {
        return problem(new PlatformProblem.Definition(
                        e.problem().slug(),
                        "Trace refused",
                        HttpStatus.valueOf(e.problem().status()))
                .detail(e.getMessage()));
    }
}
