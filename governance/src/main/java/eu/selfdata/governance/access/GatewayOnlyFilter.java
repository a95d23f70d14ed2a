package eu.selfdata.governance.access;

import eu.selfdata.contract.CitySlug;
import eu.selfdata.contract.GatewaySignature;
import eu.selfdata.contract.PlatformHeaders;
import eu.selfdata.contract.problem.ProblemResponses;
import eu.selfdata.governance.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits a request only when the gateway signed it: for no city on the platform host, for the city
 * in {@code X-Tenant-Id} on a city's host, which then is the request's {@link HostCity}. The gateway
 * already refused unknown and suspended cities.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class GatewayOnlyFilter extends OncePerRequestFilter {

    private final GatewaySignature signature;
    private final ProblemResponses problems;

    GatewayOnlyFilter(GatewaySignature signature, ProblemResponses problems) {
        this.signature = signature;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String city = request.getHeader(PlatformHeaders.TENANT_ID);
        if (!signature.verifies(request.getHeader(PlatformHeaders.TENANT_SIGNATURE), city == null ? "" : city)) {
            problems.write(
                    request,
                    response,
                    ProblemType.NOT_THROUGH_GATEWAY,
                    "Requests must come through the platform gateway");
            return;
        }
        if (city != null) {
            if (!CitySlug.isValid(city)) {
                problems.write(request, response, ProblemType.NOT_FOUND, "Unknown city");
                return;
            }
            HostCity.set(request, city);
        }
        chain.doFilter(request, response);
    }
}
