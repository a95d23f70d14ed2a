package eu.selfdata.gateway.identity;

import eu.selfdata.identity.CityClaims;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An access token's holder as Spring Security authorities, read through {@link CityClaims} (the one
 * reading of Keycloak tokens the services share), so that a bearer token and a browser session are
 * judged alike: {@code CITY_{slug}} per city, {@code ROLE_{role}} per realm role,
 * {@code CITY_ROLE_{slug}:{role}} per city role (a city role names its city, so it never counts on
 * another city's host).
 */
final class Caller {

    static final String CITY = "CITY_";
    static final String ROLE = "ROLE_";
    static final String CITY_ROLE = "CITY_ROLE_";

    private Caller() {}

    static List<GrantedAuthority> authorities(CityClaims claims) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        claims.cities().forEach(city -> authorities.add(new SimpleGrantedAuthority(CITY + city)));
        claims.realmRoles().forEach(role -> authorities.add(new SimpleGrantedAuthority(ROLE + role)));
        claims.cities()
                .forEach(city -> claims.rolesIn(city)
                        .forEach(role -> authorities.add(new SimpleGrantedAuthority(CITY_ROLE + city + ":" + role))));
        return authorities;
    }

    static boolean belongsTo(Collection<? extends GrantedAuthority> authorities, String city) {
        return has(authorities, CITY + city);
    }

    static boolean hasRealmRole(Collection<? extends GrantedAuthority> authorities, String role) {
        return has(authorities, ROLE + role);
    }

    private static boolean has(Collection<? extends GrantedAuthority> authorities, String authority) {
        return authorities.stream().anyMatch(granted -> authority.equals(granted.getAuthority()));
    }
}
