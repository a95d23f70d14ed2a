package eu.selfdata.keycloak.extensions;

import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.broker.oidc.OIDCIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;

/** Identity provider type {@value #ID}: {@link CityIdentityProvider}, configured like Keycloak's {@code oidc}. */
public final class CityIdentityProviderFactory extends OIDCIdentityProviderFactory {

    public static final String ID = "selfdata-oidc";

    @Override
    public String getName() {
        return "OpenID Connect for one city (level of assurance checked)";
    }

    @Override
    public OIDCIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        return new CityIdentityProvider(session, new OIDCIdentityProviderConfig(model));
    }

    @Override
    public String getId() {
        return ID;
    }
}
