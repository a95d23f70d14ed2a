package eu.selfdata.gateway.problem;

import eu.selfdata.contract.problem.ProblemTitles;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every error into {@code application/problem+json}: the gateway's own refusals, unmatched
 * paths, and upstream failures (never a stack trace or Whitelabel page). A browser that asks for
 * HTML rather than JSON gets the same problem as a small HTML page with the same status. Ordered
 * before Spring Boot's default error handler.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final JsonMapper jsonMapper;

    ProblemExceptionHandler(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = inLanguage(
                toProblem(error, exchange.getRequest().getPath().value()),
                exchange.getLocaleContext().getLocale());
        if (problem.type().equals(ProblemType.INTERNAL_ERROR.uri())) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), problem.instance(), error);
        } else if (problem.status() >= 500) {
            log.warn(
                    "{} {} answered {}: {}",
                    exchange.getRequest().getMethod(),
                    problem.instance(),
                    problem.status(),
                    error.toString());
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        byte[] bytes;
        if (ProblemPage.prefersHtml(exchange.getRequest().getHeaders().getAccept())) {
            response.getHeaders().setContentType(ProblemPage.CONTENT_TYPE);
            bytes = ProblemPage.render(problem);
        } else {
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            bytes = jsonMapper.writeValueAsBytes(problem);
        }
        DataBuffer body = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(body));
    }

    /** The title in the request's language ({@code Accept-Language}); type, status and detail stay. */
    private static Problem inLanguage(Problem problem, Locale locale) {
        return ProblemTitles.title(problem.type(), locale)
                .map(title ->
                        new Problem(problem.type(), title, problem.status(), problem.detail(), problem.instance()))
                .orElse(problem);
    }

    private static Problem toProblem(Throwable error, String path) {
        if (error instanceof ProblemException refusal) {
            return Problem.of(refusal.type(), refusal.type().status().value(), refusal.getMessage(), path);
        }
        if (error instanceof ResponseStatusException statusError) {
            return fromStatus(statusError.getStatusCode(), path);
        }
        if (causedByIo(error)) {
            return Problem.of(
                    ProblemType.SERVICE_UNAVAILABLE,
                    HttpStatus.SERVICE_UNAVAILABLE.value(),
                    "The service behind this path cannot be reached; try again shortly.",
                    path);
        }
        return Problem.of(
                ProblemType.INTERNAL_ERROR,
                HttpStatus.INTERNAL_SERVER_ERROR.value(),
                "The gateway failed to handle this request.",
                path);
    }

    private static Problem fromStatus(HttpStatusCode status, String path) {
        int code = status.value();
        if (code == HttpStatus.NOT_FOUND.value()) {
            return Problem.of(ProblemType.NOT_FOUND, code, "Nothing is served at this path on this host.", path);
        }
        if (code == HttpStatus.SERVICE_UNAVAILABLE.value() || code == HttpStatus.BAD_GATEWAY.value()) {
            return Problem.of(
                    ProblemType.SERVICE_UNAVAILABLE,
                    HttpStatus.SERVICE_UNAVAILABLE.value(),
                    "The service behind this path is unavailable; try again shortly.",
                    path);
        }
        if (code == HttpStatus.GATEWAY_TIMEOUT.value()) {
            return Problem.of(
                    ProblemType.UPSTREAM_TIMEOUT, code, "The service behind this path did not answer in time.", path);
        }
        if (status.is4xxClientError()) {
            return Problem.of(ProblemType.REQUEST_REJECTED, code, reason(status), path);
        }
        return Problem.of(ProblemType.INTERNAL_ERROR, code, reason(status), path);
    }

    private static String reason(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
    }

    /** Connection refused, unknown host, connection closed early: the upstream is not there. */
    private static boolean causedByIo(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
