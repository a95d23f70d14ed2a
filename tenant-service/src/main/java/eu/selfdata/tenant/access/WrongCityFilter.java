package eu.selfdata.tenant.access;

import eu.selfdata.identity.CityClaims;
import eu.selfdata.tenant.problem.ProblemResponses;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.tenant.tenancy.TenantId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * A token presented on a city's host must belong to that city (its {@code organization} claim),
 * whatever the endpoint: a valid La Rochelle token is refused on Lyon.
 */
class WrongCityFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    WrongCityFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<TenantId> city = TenantContext.current();
        if (city.isPresent() && SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                && !CityClaims.of(token.getToken().getClaims()).belongsTo(city.get().slug())) {
            problems.write(request, response, ProblemType.WRONG_CITY, "This identity does not belong to " + city.get().slug());
            return;
        }
        chain.doFilter(request, response);
    }
}
