package eu.selfdata.identity;

import eu.selfdata.contract.problem.PlatformProblem;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;

/**
 * Architecture rule 3, the identity half: an identity presented on a city's host must belong to that
 * city (its token's {@code organization} names it), whatever the endpoint; on the platform host no
 * city is asked for. The gateway (WebFlux) and the services' {@link WrongCityFilter} (servlet) decide
 * with this one rule.
 */
public final class WrongCity {

    /** The services' answer; the gateway answers browsers with the same type and a title of its own. */
    public static final PlatformProblem PROBLEM =
            new PlatformProblem.Definition("wrong-city", "Identity of another city", HttpStatus.FORBIDDEN);

    private WrongCity() {}

    /**
     * @param hostCity  the city whose host the request came in on; empty on the platform host
     * @param belongsTo whether the identity belongs to a given city
     */
    public static boolean refuses(Optional<String> hostCity, Predicate<String> belongsTo) {
        return hostCity.isPresent() && !belongsTo.test(hostCity.get());
    }

    /** The services' detail for a refusal on {@code hostCity}. */
    public static String detail(String hostCity) {
        return "This identity does not belong to " + hostCity;
    }
}
