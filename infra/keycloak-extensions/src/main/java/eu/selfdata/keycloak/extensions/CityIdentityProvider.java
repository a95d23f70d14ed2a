package eu.selfdata.keycloak.extensions;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.logging.Logger;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.JsonWebToken;

/**
 * An external OpenID Connect identity provider of one city (FranceConnect or a stand-in for it): Keycloak's OIDC
 * broker with two checks of its own, as the maintained FranceConnect extension does.
 * <ul>
 * <li>It serves its city only: a sign-in started from another city's portal client is refused before the person is
 * sent anywhere (config {@value #CITY}, the city's slug), so an account it creates joins that city alone.</li>
 * <li>It asks for the level of assurance the city requires ({@code acr_values}, config {@value #MINIMUM_ACR}: eidas1,
 * eidas2 or eidas3) and refuses an id token whose {@code acr} is below it or missing.</li>
 * </ul>
 */
final class CityIdentityProvider extends OIDCIdentityProvider {

    static final String CITY = "selfdata.city";
    static final String MINIMUM_ACR = "selfdata.minimumAcr";
    private static final Logger log = Logger.getLogger(CityIdentityProvider.class);

    CityIdentityProvider(KeycloakSession session, OIDCIdentityProviderConfig config) {
        super(session, config);
    }

    @Override
    public Response performLogin(AuthenticationRequest request) {
        String client = request.getAuthenticationSession().getClient().getClientId();
        String city = getConfig().getConfig().get(CITY);
        if (city == null
                || !CityPortalClient.of(client)
                        .map(CityPortalClient::citySlug)
                        .filter(city::equals)
                        .isPresent()) {
            throw new IdentityBrokerException("Identity provider " + getConfig().getAlias() + " serves the portal of "
                    + city + " only, not " + client);
        }
        return super.performLogin(request);
    }

    @Override
    protected UriBuilder createAuthorizationUrl(AuthenticationRequest request) {
        return super.createAuthorizationUrl(request).queryParam("acr_values", minimumAcr());
    }

    @Override
    public BrokeredIdentityContext getFederatedIdentity(String response) {
        BrokeredIdentityContext identity = super.getFederatedIdentity(response);
        Object token = identity.getContextData().get(VALIDATED_ID_TOKEN);
        String acr = token instanceof IDToken idToken
                ? idToken.getAcr()
                : token instanceof JsonWebToken jwt && jwt.getOtherClaims().get("acr") instanceof String claim
                        ? claim
                        : null;
        if (!AssuranceLevel.meets(acr, minimumAcr())) {
            log.infof("Sign-in through %s refused: acr %s below %s", getConfig().getAlias(), acr, minimumAcr());
            throw new IdentityBrokerException("The identity provider vouched for level " + acr + ", below the "
                    + minimumAcr() + " this city requires");
        }
        return identity;
    }

    private String minimumAcr() {
        String required = getConfig().getConfig().get(MINIMUM_ACR);
        return AssuranceLevel.LEVELS.contains(required) ? required : AssuranceLevel.LEVELS.getLast();
    }
}
