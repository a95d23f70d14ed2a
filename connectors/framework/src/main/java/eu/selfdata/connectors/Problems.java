package eu.selfdata.connectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** RFC 9457 problems for connectors and modules, with the platform's stable types. */
public final class Problems {

    private static final String BASE = "https://selfdata.eu/problems/";

    private Problems() {
    }

    public static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ErrorResponseException invalid(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, "dead-letter-closed", "Dead letter already closed", detail);
    }

    public static ErrorResponseException retryFailed(String detail) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "retry-failed", "The record still fails", detail);
    }

    /** @param type the last segment of the problem type URI, e.g. {@code consent-required} */
    public static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
