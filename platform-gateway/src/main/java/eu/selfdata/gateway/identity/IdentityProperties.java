package eu.selfdata.gateway.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code selfdata.identity.*}: the Keycloak realm every city and the platform sign in with.
 *
 * @param issuerUri   {@code {keycloak-url}/realms/selfdata}; every endpoint is derived from it, nothing is
 *                    fetched at start-up, so the gateway starts while Keycloak is down
 * @param audience    what a bearer token's {@code aud} must contain
 * @param clockSkew   tolerance on {@code exp} and {@code nbf}
 * @param platformClientId the public client the coordinator signs in with on the platform host
 * @param acceptedTokens how many checked bearer tokens are remembered until they expire
 *                    ({@link BearerAuthentications}); the least used go first
 */
@Validated
@ConfigurationProperties("selfdata.identity")
record IdentityProperties(
        @NotNull @DefaultValue("http://localhost:8180/realms/selfdata")
        URI issuerUri,

        @NotBlank @DefaultValue("selfdata-api") String audience,
        @NotNull @DefaultValue("30s") Duration clockSkew,
        @NotBlank @DefaultValue("platform-console") String platformClientId,
        @Positive @DefaultValue("10000") int acceptedTokens) {

    /** The issuer exactly as Keycloak writes it in {@code iss}: no trailing slash. */
    String issuer() {
        String issuer = issuerUri.toString();
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    String endpoint(String name) {
        return issuer() + "/protocol/openid-connect/" + name;
    }
}
