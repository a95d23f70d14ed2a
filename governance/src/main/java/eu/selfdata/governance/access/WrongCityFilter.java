package eu.selfdata.governance.access;

import eu.selfdata.governance.problem.ProblemResponses;
import eu.selfdata.governance.problem.ProblemType;
import eu.selfdata.identity.CityClaims;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/** A token presented on a city's host must belong to that city, whatever the endpoint. */
class WrongCityFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    WrongCityFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> city = HostCity.of(request);
        if (city.isPresent() && SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                && !CityClaims.of(token.getToken().getClaims()).belongsTo(city.get())) {
            problems.write(request, response, ProblemType.WRONG_CITY, "This identity does not belong to " + city.get());
            return;
        }
        chain.doFilter(request, response);
    }
}
