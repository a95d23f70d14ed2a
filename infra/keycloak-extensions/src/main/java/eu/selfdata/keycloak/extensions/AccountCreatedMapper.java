package eu.selfdata.keycloak.extensions;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Protocol mapper {@value #ID}: the claim {@value #CLAIM}, when the account was created (seconds since the epoch,
 * Keycloak's own {@code createdTimestamp}). Services use it for rules such as "joined before the pilot started" or
 * "an account at least 30 days old": the value comes signed in the token, so they need neither an admin call per
 * request nor the right to read every user of the realm. A user attribute would not do: an attribute can be
 * edited, the creation time cannot.
 */
public final class AccountCreatedMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper {

    public static final String ID = "selfdata-account-created";
    public static final String CLAIM = "account_created_at";
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, AccountCreatedMapper.class);
    }

    @Override
    protected void setClaim(
            IDToken token,
            ProtocolMapperModel mapping,
            UserSessionModel userSession,
            KeycloakSession session,
            ClientSessionContext context) {
        Long created = userSession.getUser().getCreatedTimestamp();
        if (created != null) {
            token.getOtherClaims().put(CLAIM, created / 1000);
        }
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Account creation time";
    }

    @Override
    public String getHelpText() {
        return "Adds " + CLAIM + ": when the user was created, in seconds since the epoch";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
