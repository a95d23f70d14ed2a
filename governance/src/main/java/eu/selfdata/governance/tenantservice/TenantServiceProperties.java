package eu.selfdata.governance.tenantservice;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tenant-service answers and how governance signs in to it: the gateway's signature (shared
 * secret) plus a token of its own Keycloak service account (client credentials), which holds the
 * realm role {@code platform-coordinator} that tenant-service's {@code /platform/**} asks for.
 *
 * @param charterUrl where a signed charter version is relayed; {@code {slug}} is replaced by the city
 */
@ConfigurationProperties("selfdata.tenant-service")
public record TenantServiceProperties(
        URI url, String charterUrl, URI tokenUri, String clientId, String clientSecret, Duration timeout) {

    public TenantServiceProperties {
        if (url == null) {
            url = URI.create("http://localhost:8081");
        }
        if (charterUrl == null || charterUrl.isBlank()) {
            charterUrl = url + "/platform/tenants/{slug}/charter";
        }
        if (clientId == null || clientId.isBlank()) {
            clientId = "governance";
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(10);
        }
    }
}
