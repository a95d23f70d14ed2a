package eu.selfdata.tenant.problem;

import eu.selfdata.contract.InvalidCitySlugException;
import eu.selfdata.tenant.registry.TenantAlreadyExistsException;
import eu.selfdata.tenant.registry.TenantStateConflictException;
import eu.selfdata.tenant.registry.UnknownTenantException;
import eu.selfdata.tenant.tenancy.NoTenantInContextException;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error leaves as RFC 9457 problem details with a stable type. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Clock clock;

    ProblemHandler(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(InvalidCitySlugException.class)
    ProblemDetail invalidTenant(InvalidCitySlugException e) {
        return ProblemType.INVALID_TENANT_ID.detail(e.getMessage());
    }

    @ExceptionHandler(UnknownTenantException.class)
    ProblemDetail unknownTenant(UnknownTenantException e) {
        return ProblemType.UNKNOWN_TENANT.detail(e.getMessage());
    }

    @ExceptionHandler(TenantAlreadyExistsException.class)
    ProblemDetail exists(TenantAlreadyExistsException e) {
        return ProblemType.TENANT_EXISTS.detail(e.getMessage());
    }

    @ExceptionHandler(TenantStateConflictException.class)
    ProblemDetail conflict(TenantStateConflictException e) {
        return ProblemType.TENANT_STATE_CONFLICT.detail(e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemType.NOT_FOUND.detail(e.getMessage());
    }

    @ExceptionHandler(ConfirmationRequiredException.class)
    ProblemDetail confirmation(ConfirmationRequiredException e) {
        return ProblemType.CONFIRMATION_REQUIRED.detail(e.getMessage());
    }

    @ExceptionHandler(ProblemException.class)
    ProblemDetail known(ProblemException e) {
        return e.type().detail(e.getMessage());
    }

    @ExceptionHandler(RetryLaterException.class)
    ResponseEntity<ProblemDetail> later(RetryLaterException e) {
        ProblemDetail problem = e.type().detail(e.getMessage());
        problem.setProperty("retryAt", e.retryAt().toString());
        long seconds =
                Math.max(1, Duration.between(clock.instant(), e.retryAt()).toSeconds() + 1);
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }

    @ExceptionHandler(NoTenantInContextException.class)
    ProblemDetail noTenant(NoTenantInContextException e) {
        log.error("Tenant data touched without a tenant in context", e);
        return ProblemType.NO_TENANT_CONTEXT.detail("The request could not be tied to a city");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(ProblemType.INVALID_REQUEST.detail(fields));
    }
}
