package eu.selfdata.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a Keycloak access token says about its holder: the cities it belongs to ({@code organization},
 * a list of aliases or a map keyed by alias), its realm roles ({@code realm_access.roles}), its
 * city roles (client roles of each city's {@code portal-{slug}} client, so that a role held in one
 * city never counts in another) and whether its e-mail address is verified ({@code email_verified}, rule 11:
 * only then does the account count as a person) and when the account was created ({@value #ACCOUNT_CREATED},
 * seconds since the epoch, added by the realm's {@code selfdata-account-created} mapper from the identity server's own
 * record; null when the token lacks it). The gateway and the services read tokens through this one class.
 */
public record CityClaims(
        Set<String> cities,
        Set<String> realmRoles,
        Map<String, Set<String>> cityRoles,
        boolean emailVerified,
        Instant accountCreatedAt) {

    public static final String PORTAL_CLIENT_PREFIX = "portal-";
    public static final String ACCOUNT_CREATED = "account_created_at";

    public CityClaims {
        cities = Set.copyOf(cities);
        realmRoles = Set.copyOf(realmRoles);
        cityRoles = Map.copyOf(cityRoles);
    }

    public static CityClaims of(Map<String, Object> claims) {
        Map<String, Set<String>> cityRoles = new HashMap<>();
        if (claims.get("resource_access") instanceof Map<?, ?> clients) {
            clients.forEach((client, access) -> {
                if (client instanceof String clientId && clientId.startsWith(PORTAL_CLIENT_PREFIX)) {
                    cityRoles.put(clientId.substring(PORTAL_CLIENT_PREFIX.length()), Set.copyOf(roles(access)));
                }
            });
        }
        return new CityClaims(
                new TreeSet<>(names(claims.get("organization"))),
                new TreeSet<>(roles(claims.get("realm_access"))),
                cityRoles,
                Boolean.TRUE.equals(claims.get("email_verified")),
                claims.get(ACCOUNT_CREATED) instanceof Number seconds
                        ? Instant.ofEpochSecond(seconds.longValue())
                        : null);
    }

    /** When the identity server created the account; empty when the token does not say. */
    public Optional<Instant> accountCreated() {
        return Optional.ofNullable(accountCreatedAt);
    }

    public boolean belongsTo(String city) {
        return cities.contains(city);
    }

    public boolean hasRealmRole(String role) {
        return realmRoles.contains(role);
    }

    /** Roles held in this city only; empty unless the holder also belongs to it. */
    public Set<String> rolesIn(String city) {
        return belongsTo(city) ? cityRoles.getOrDefault(city, Set.of()) : Set.of();
    }

    /** {@code ["a","b"]} or {@code {"a":{…},"b":{…}}}: the names either way; anything else is none. */
    private static Collection<String> names(Object claim) {
        if (claim instanceof Collection<?> list) {
            return list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        if (claim instanceof Map<?, ?> map) {
            return map.keySet().stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        return List.of();
    }

    private static Collection<String> roles(Object access) {
        return access instanceof Map<?, ?> map ? names(map.get("roles")) : List.of();
    }
}
