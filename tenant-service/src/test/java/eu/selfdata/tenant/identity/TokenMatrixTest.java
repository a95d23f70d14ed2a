package eu.selfdata.tenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tenant-service checks tokens itself, even behind the gateway. Real tokens from the real Keycloak. */
class TokenMatrixTest extends TenantServiceTest {

    @Test
    void coordinatorApiNeedsAValidCoordinatorToken() {
        String lyon = onboard(freshSlug("lyon"), "Lyon");
        String citizen = identities.citizenToken(lyon);
        String coordinator = identities.coordinatorToken();

        assertThat(client.platformAs(null, "GET", "/platform/tenants", null).status())
                .isEqualTo(401);
        assertThat(client.platformAs("not.a.token", "GET", "/platform/tenants", null)
                        .status())
                .isEqualTo(401);
        assertThat(client.platformAs(withAlgNone(coordinator), "GET", "/platform/tenants", null)
                        .status())
                .isEqualTo(401);
        assertThat(client.platformAs(withForgedSignature(coordinator), "GET", "/platform/tenants", null)
                        .status())
                .isEqualTo(401);
        ServiceClient.Response asCitizen = client.platformAs(citizen, "GET", "/platform/tenants", null);
        assertThat(asCitizen.status()).isEqualTo(403);
        assertThat(asCitizen.contentType()).startsWith("application/problem+json");
        assertThat(client.platformAs(coordinator, "GET", "/platform/tenants", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void cityAdminEndpointNeedsTheAdminOfThatCity() {
        String rochelle = onboard(freshSlug("larochelle"), "La Rochelle");
        String lyon = onboard(freshSlug("lyon"), "Lyon");
        Map<String, String> news = Map.of("title", "t", "body", "b");

        assertThat(client.city(lyon, "POST", "/api/announcements", news).status())
                .isEqualTo(401);
        assertThat(client.cityAs(identities.citizenToken(lyon), lyon, "POST", "/api/announcements", news)
                        .status())
                .isEqualTo(403);
        ServiceClient.Response otherCity =
                client.cityAs(identities.cityAdminToken(rochelle), lyon, "POST", "/api/announcements", news);
        assertThat(otherCity.status()).isEqualTo(403);
        assertThat(otherCity.problemType()).isEqualTo("wrong-city");
        assertThat(client.cityAs(identities.cityAdminToken(lyon), lyon, "POST", "/api/announcements", news)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aTokenOfAnotherCityIsRefusedEvenOnPublicReads() {
        String rochelle = onboard(freshSlug("larochelle"), "La Rochelle");
        String lyon = onboard(freshSlug("lyon"), "Lyon");

        ServiceClient.Response refused =
                client.cityAs(identities.citizenToken(rochelle), lyon, "GET", "/api/announcements", null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("wrong-city");
        assertThat(client.cityAs(identities.citizenToken(lyon), lyon, "GET", "/api/announcements", null)
                        .status())
                .isEqualTo(200);
    }

    private static String withAlgNone(String token) {
        String[] parts = token.split("\\.");
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    private static String withForgedSignature(String token) {
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[0] ^= 0x01;
        return parts[0] + "." + parts[1] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
