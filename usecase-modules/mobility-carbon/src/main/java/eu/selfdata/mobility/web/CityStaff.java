package eu.selfdata.mobility.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Set;

/**
 * Who on the city's side may set the module up (indicators are the platform's: {@code /api/city/indicators}). The platform grants the
 * roles a token holds in the city being served as {@code ROLE_<role>} authorities: an admin of
 * another city holds none here.
 */
public final class CityStaff {

    private static final String ADMIN = "ROLE_city-admin";

    private CityStaff() {
    }

    public static void requireAdmin() {
        require(Set.of(ADMIN), "only the city's admins may change the module's settings");
    }

    private static void require(Set<String> roles, String detail) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean allowed = authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(roles::contains);
        if (!allowed) {
            throw Problems.forbidden(detail);
        }
    }
}
