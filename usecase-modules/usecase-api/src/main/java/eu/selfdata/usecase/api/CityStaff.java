package eu.selfdata.usecase.api;

import org.springframework.web.ErrorResponseException;

/**
 * Who makes the current request on the city's side: an admin or an agent of the city being served,
 * never of another (an admin of La Rochelle is nobody on Lyon's host). Modules and connectors check
 * their staff-only endpoints here; the host answers from the roles the token holds in the request's
 * city. Citizens and the coordinator are not city staff.
 */
public interface CityStaff {

    /** The admin role of a city (Keycloak client role of {@code portal-{slug}}). */
    String ADMIN = "city-admin";
    /** The agent role of a city: reads what the admins set up. */
    String AGENT = "city-agent";

    /** Whether the request is made by an admin of the city being served. */
    boolean isAdmin();

    /** Whether the request is made by an admin or an agent of the city being served. */
    boolean isStaff();

    /** @throws ErrorResponseException 403 {@code forbidden} unless {@link #isAdmin()} */
    default void requireAdmin() {
        if (!isAdmin()) {
            throw CommonProblems.FORBIDDEN.exception("This needs the role " + ADMIN + " in this city");
        }
    }

    /** @throws ErrorResponseException 403 {@code forbidden} unless {@link #isStaff()} */
    default void requireStaff() {
        if (!isStaff()) {
            throw CommonProblems.FORBIDDEN.exception("This needs the role " + ADMIN + " or " + AGENT + " in this city");
        }
    }
}
