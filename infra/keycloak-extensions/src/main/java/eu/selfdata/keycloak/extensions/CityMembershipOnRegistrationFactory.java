package eu.selfdata.keycloak.extensions;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Event listener {@value #ID}; a realm turns it on by listing it in {@code eventsListeners}.
 */
public final class CityMembershipOnRegistrationFactory implements EventListenerProviderFactory {

    public static final String ID = "selfdata-city-membership";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new CityMembershipOnRegistration(session);
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
