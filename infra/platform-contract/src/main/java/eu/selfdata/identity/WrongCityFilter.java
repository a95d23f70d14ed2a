package eu.selfdata.identity;

import eu.selfdata.contract.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@link WrongCity} in a servlet resource server: placed after the bearer token filter, it refuses a
 * validated token that does not belong to the host's city (403 {@code wrong-city}); a valid La Rochelle
 * token is refused on Lyon. Anonymous requests pass: the endpoints decide on them.
 */
public class WrongCityFilter extends OncePerRequestFilter {

    private final Function<HttpServletRequest, Optional<String>> hostCity;
    private final ProblemResponses problems;

    /** @param hostCity the city whose host the request came in on, as the service resolved it; empty on the platform host */
    public WrongCityFilter(Function<HttpServletRequest, Optional<String>> hostCity, ProblemResponses problems) {
        this.hostCity = hostCity;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> city = hostCity.apply(request);
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                && WrongCity.refuses(city, CityClaims.of(token.getToken().getClaims())::belongsTo)) {
            problems.write(request, response, WrongCity.PROBLEM, WrongCity.detail(city.get()));
            return;
        }
        chain.doFilter(request, response);
    }
}
