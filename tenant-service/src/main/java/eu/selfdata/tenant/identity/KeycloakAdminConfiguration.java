package eu.selfdata.tenant.identity;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("selfdata.keycloak.url")
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakAdminConfiguration {

    @Bean(destroyMethod = "close")
    Keycloak keycloakAdmin(KeycloakProperties properties) {
        return KeycloakBuilder.builder()
                .serverUrl(properties.url())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.adminClientId())
                .clientSecret(properties.adminClientSecret())
                .build();
    }
}
