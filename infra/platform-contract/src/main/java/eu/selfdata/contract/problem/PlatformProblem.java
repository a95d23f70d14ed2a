package eu.selfdata.contract.problem;

import java.net.URI;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A stable RFC 9457 problem type of the platform: its URI is {@link Problems#BASE} + {@link #typeName()},
 * which clients switch on, with one title and one status. A service lists its own types in an enum
 * that implements this by giving each constant a {@link Definition}; a module or a connector may use
 * a {@link Definition} alone. Every problem body of the platform is built here.
 */
public interface PlatformProblem {

    Definition definition();

    /** The last segment of the type URI, e.g. {@code wrong-city}. */
    default String typeName() {
        return definition().typeName();
    }

    default String title() {
        return definition().title();
    }

    default HttpStatus status() {
        return definition().status();
    }

    default URI uri() {
        return Problems.type(typeName());
    }

    /** The problem body, with this type, title and status and the given detail. */
    default ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(), detail);
        problem.setType(uri());
        problem.setTitle(title());
        return problem;
    }

    /** To throw from a controller or a service: Spring MVC answers it as {@link #detail(String)}. */
    default ErrorResponseException exception(String detail) {
        return new ErrorResponseException(status(), detail(detail), null);
    }

    /** A type name (checked by {@link Problems#type(String)}), its title and its status. */
    record Definition(String typeName, String title, HttpStatus status) implements PlatformProblem {

        public Definition {
            Problems.type(typeName);
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public Definition definition() {
            return this;
        }
    }
}
