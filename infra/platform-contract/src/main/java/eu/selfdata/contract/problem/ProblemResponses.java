package eu.selfdata.contract.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem details from servlet filters, which run before Spring MVC's exception handling.
 * A service declares one as a bean with its JsonMapper, so bodies read as its controllers' do.
 */
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, PlatformProblem type, String detail)
            throws IOException {
        write(request, response, type.detail(detail));
    }

    /** Writes the problem, its title in the request's language ({@code Accept-Language}: filters run before any locale resolver). */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        ProblemTitles.localize(problem, request.getLocale());
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
