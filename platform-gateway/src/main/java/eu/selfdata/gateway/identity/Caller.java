package eu.selfdata.gateway.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an access token says about its holder, read from Keycloak's claims: the cities
 * ({@code organization}, a list of aliases or a map keyed by alias), the realm roles
 * ({@code realm_access.roles}) and the city roles (client roles of {@code portal-{slug}}).
 * Turned into authorities so that a bearer token and a browser session are judged alike.
 */
record Caller(Set<String> cities, Set<String> realmRoles, Set<String> cityRoles) {

    static final String CITY = "CITY_";
    static final String ROLE = "ROLE_";
    static final String CITY_ROLE = "CITY_ROLE_";
    static final String PORTAL_CLIENT_PREFIX = "portal-";

    static Caller of(Map<String, Object> claims) {
        Set<String> cities = new TreeSet<>(names(claims.get("organization")));
        Set<String> realmRoles = new TreeSet<>(roles(claims.get("realm_access")));
        Set<String> cityRoles = new TreeSet<>();
        if (claims.get("resource_access") instanceof Map<?, ?> clients) {
            clients.forEach((client, access) -> {
                if (client instanceof String clientId && clientId.startsWith(PORTAL_CLIENT_PREFIX)) {
                    String slug = clientId.substring(PORTAL_CLIENT_PREFIX.length());
                    roles(access).forEach(role -> cityRoles.add(slug + ":" + role));
                }
            });
        }
        return new Caller(cities, realmRoles, cityRoles);
    }

    /**
     * {@code CITY_{slug}} per city, {@code ROLE_{role}} per realm role, {@code CITY_ROLE_{slug}:{role}}
     * per city role: a city role names its city, so it never counts on another city's host.
     */
    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        cities.forEach(city -> authorities.add(new SimpleGrantedAuthority(CITY + city)));
        realmRoles.forEach(role -> authorities.add(new SimpleGrantedAuthority(ROLE + role)));
        cityRoles.forEach(role -> authorities.add(new SimpleGrantedAuthority(CITY_ROLE + role)));
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

    /** {@code ["a","b"]} or {@code {"a":{…},"b":{…}}}: the names either way; anything else is none. */
    private static Collection<String> names(Object claim) {
        if (claim instanceof Collection<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        if (claim instanceof Map<?, ?> map) {
            return map.keySet().stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private static Collection<String> roles(Object access) {
        return access instanceof Map<?, ?> map ? names(map.get("roles")) : List.of();
    }
}
