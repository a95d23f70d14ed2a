package eu.selfdata.tenant.identity;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the identity server is and how tenant-service administers it: a confidential client with a
 * service account (never an admin password), in the one realm shared by all cities.
 */
@ConfigurationProperties("selfdata.keycloak")
public record KeycloakProperties(String url, String realm, String adminClientId, String adminClientSecret) {

    public KeycloakProperties {
        Objects.requireNonNull(url, "selfdata.keycloak.url");
        realm = realm == null ? "selfdata" : realm;
        Objects.requireNonNull(adminClientId, "selfdata.keycloak.admin-client-id");
        Objects.requireNonNull(adminClientSecret, "selfdata.keycloak.admin-client-secret");
    }
}
