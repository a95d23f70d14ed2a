package eu.selfdata.tenant.access;

import eu.selfdata.identity.CityClaims;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.usecase.api.CityStaff;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The city roles of the request, written once: a token's authorities are the realm roles that hold
 * everywhere ({@code citizen}, {@code platform-coordinator}) and the roles held in the city being
 * served — a city-admin of La Rochelle is no admin on Lyon's host. The security rules
 * ({@code hasRole}), the pages and the modules' and connectors' staff checks ({@link CityStaff}) all
 * read these authorities.
 */
@Component
class CityAuthorities implements Converter<Jwt, AbstractAuthenticationToken>, CityStaff {

    // Realm roles named after a city job only say "somewhere": the city's own client roles decide.
    private static final Set<String> CITY_JOBS = Set.of(ADMIN, AGENT);

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        CityClaims claims = CityClaims.of(jwt.getClaims());
        List<GrantedAuthority> authorities = new ArrayList<>();
        claims.realmRoles().stream()
                .filter(role -> !CITY_JOBS.contains(role))
                .forEach(role -> authorities.add(authority(role)));
        TenantContext.current()
                .map(TenantId::slug)
                .map(claims::rolesIn)
                .orElse(Set.of())
                .forEach(role -> authorities.add(authority(role)));
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    @Override
    public boolean isAdmin() {
        return holdsAny(Set.of(ADMIN));
    }

    @Override
    public boolean isStaff() {
        return holdsAny(CITY_JOBS);
    }

    private static boolean holdsAny(Set<String> roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(granted ->
                                roles.stream().anyMatch(role -> authority(role).equals(granted)));
    }

    private static GrantedAuthority authority(String role) {
        return new SimpleGrantedAuthority("ROLE_" + role);
    }
}
