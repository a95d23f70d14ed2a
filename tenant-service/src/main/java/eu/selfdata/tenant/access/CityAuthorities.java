package eu.selfdata.tenant.access;

import eu.selfdata.identity.CityClaims;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.tenant.tenancy.TenantId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Authorities of a token for the request at hand: realm roles that hold everywhere
 * ({@code citizen}, {@code platform-coordinator}) and the roles held in the city being served —
 * a city-admin of La Rochelle is no admin on Lyon's host.
 */
class CityAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    // Realm roles named after a city job only say "somewhere": the city's own client roles decide.
    private static final Set<String> CITY_JOBS = Set.of("city-admin", "city-agent");

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        CityClaims claims = CityClaims.of(jwt.getClaims());
        List<GrantedAuthority> authorities = new ArrayList<>();
        claims.realmRoles().stream().filter(role -> !CITY_JOBS.contains(role))
                .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        TenantContext.current().map(TenantId::slug).map(claims::rolesIn).orElse(Set.of())
                .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
