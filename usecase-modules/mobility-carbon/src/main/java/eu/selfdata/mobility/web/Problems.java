package eu.selfdata.mobility.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** RFC 9457 problem details of the module, typed under the platform's {@code https://selfdata.eu/problems/}. */
public final class Problems {

    private static final String BASE = "https://selfdata.eu/problems/";

    private Problems() {
    }

    public static ProblemDetail detail(int status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, detail(404, "not-found", "Not found", detail), null);
    }

    public static ErrorResponseException forbidden(String detail) {
        return new ErrorResponseException(HttpStatus.FORBIDDEN, detail(403, "forbidden", "Not allowed", detail), null);
    }

    public static ErrorResponseException invalid(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, detail(400, "invalid-request", "Invalid request", detail), null);
    }
}
