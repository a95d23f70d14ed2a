package eu.selfdata.governance.access;

import eu.selfdata.governance.problem.GovernanceException;
import eu.selfdata.governance.problem.ProblemType;
import eu.selfdata.identity.CityClaims;
import eu.selfdata.identity.VerifiedPerson;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who makes the request and in which capacity: a platform coordinator (realm role), the admin of
 * some cities (client role {@code city-admin} of each city's portal, only on that city's host or on
 * the platform host), a resident of the host city (the token's {@code organization} names it), and
 * whether the account counts as a person (rule 11: its e-mail address is verified), when the identity server
 * created the account (null when the token does not say), and the e-mail address and language (fr or en) the token
 * gives (null when none), used to mail a coordinator about the pilots they started.
 */
public record Caller(
        String subject,
        Optional<String> hostCity,
        boolean coordinator,
        Set<String> adminOf,
        boolean residentOfHostCity,
        boolean verified,
        Instant accountCreatedAt,
        String email,
        String language) {

    static final String COORDINATOR = "platform-coordinator";
    static final String CITY_ADMIN = "city-admin";

    public Caller {
        adminOf = Set.copyOf(adminOf);
    }

    public static Caller anonymous(Optional<String> hostCity) {
        return new Caller(null, hostCity, false, Set.of(), false, false, null, null, null);
    }

    static Caller of(String subject, Map<String, Object> token, Optional<String> hostCity) {
        CityClaims claims = CityClaims.of(token);
        Set<String> adminOf = hostCity.map(Set::of).orElse(claims.cities()).stream()
                .filter(city -> claims.rolesIn(city).contains(CITY_ADMIN))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(
                subject,
                hostCity,
                claims.hasRealmRole(COORDINATOR),
                adminOf,
                hostCity.map(claims::belongsTo).orElse(false),
                claims.emailVerified(),
                claims.accountCreatedAt(),
                token.get("email") instanceof String email && email.length() <= 254 ? email : null,
                token.get("locale") instanceof String locale && (locale.equals("fr") || locale.equals("en"))
                        ? locale
                        : null);
    }

    public boolean authenticated() {
        return subject != null;
    }

    /** The host city, for a request that only makes sense on a city's host. */
    public String city() {
        return hostCity.orElseThrow(
                () -> new GovernanceException(ProblemType.NOT_FOUND, "This belongs to a city: use the city's host"));
    }

    /** Refuses, as not found, a platform-host request made on a city's host. */
    public void requirePlatformHost() {
        if (hostCity.isPresent()) {
            throw GovernanceException.notFound("No such page on a city's host");
        }
    }

    /** Refuses what counts the caller as a person (a panel seat, a vote) unless the account is verified. */
    public void requireVerified(String what) {
        if (!verified) {
            throw new GovernanceException(ProblemType.EMAIL_NOT_VERIFIED, VerifiedPerson.detail(what));
        }
    }

    /** Refuses a request that needs the platform-coordinator role. */
    public void requireCoordinator() {
        if (!coordinator) {
            throw GovernanceException.forbidden("This needs the platform-coordinator role");
        }
    }
}
