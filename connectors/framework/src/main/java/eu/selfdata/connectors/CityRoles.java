package eu.selfdata.connectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;

import java.util.Arrays;

/**
 * Role checks for endpoints of modules and connectors: the host grants {@code ROLE_<role>} only for
 * roles held in the city of the request, so an admin of one city is nobody in another.
 */
public final class CityRoles {

    public static final String ADMIN = "city-admin";
    public static final String AGENT = "city-agent";

    private CityRoles() {
    }

    /** @throws ErrorResponseException 403 (problem type {@code forbidden}) without one of the roles here */
    public static void requireAny(String... roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean allowed = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> Arrays.stream(roles).anyMatch(role -> ("ROLE_" + role).equals(authority.getAuthority())));
        if (!allowed) {
            throw Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "This needs one of the roles " + Arrays.toString(roles) + " in this city");
        }
    }
}
