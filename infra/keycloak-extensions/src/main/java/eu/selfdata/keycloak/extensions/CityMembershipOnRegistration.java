package eu.selfdata.keycloak.extensions;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * A citizen who registers through {@code portal-{slug}} becomes a member of the Organization whose alias is
 * {@code slug}. Keycloak hands success events to listeners synchronously, inside the registration request's
 * transaction: the membership commits (or rolls back) with the new user, and the code exchanged right after
 * already yields a token whose {@code organization} claim names the city.
 *
 * <p>Anything else (another client, no such organization, a disabled one) leaves the user without a city:
 * services then refuse the token, which is the safe side.
 */
final class CityMembershipOnRegistration implements EventListenerProvider {

    private static final Logger log = Logger.getLogger(CityMembershipOnRegistration.class);

    private final KeycloakSession session;

    CityMembershipOnRegistration(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.REGISTER || event.getUserId() == null) {
            return;
        }
        CityPortalClient.of(event.getClientId()).ifPresent(portal -> join(event, portal.citySlug()));
    }

    private void join(Event event, String citySlug) {
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null || !realm.isOrganizationsEnabled()) {
            return;
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel city = organizations.getByAlias(citySlug);
        if (city == null || !city.isEnabled()) {
            log.warnf(
                    "User %s registered through %s but organization '%s' is missing or disabled; not a member of any city",
                    event.getUserId(), event.getClientId(), citySlug);
            return;
        }
        UserModel user = session.users().getUserById(realm, event.getUserId());
        if (user == null || organizations.isMember(city, user)) {
            return;
        }
        organizations.addMember(city, user);
        log.debugf("User %s joined organization '%s' on registration", user.getId(), citySlug);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // users created by administrators are placed in organizations by whoever creates them
    }

    @Override
    public void close() {}
}
