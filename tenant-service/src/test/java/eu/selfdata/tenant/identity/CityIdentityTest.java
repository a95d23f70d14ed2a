package eu.selfdata.tenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.FaultInjection;
import eu.selfdata.tenant.support.FaultInjection.Fault;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Onboarding's identity step against the real Keycloak. */
class CityIdentityTest extends TenantServiceTest {

    @Test
    void onboardingCreatesTheOrganizationThePortalClientAndTheFirstAdmin() throws Exception {
        String slug = freshSlug("larochelle");
        Map<String, Object> request = new HashMap<>(cityRequest(slug, "La Rochelle"));
        request.put("adminEmail", "mairie@" + slug + ".example.org");
        assertThat(client.platform("POST", "/platform/tenants", request).status())
                .isEqualTo(202);
        awaitStatus(slug, "ACTIVE");

        assertThat(identities.organizationExists(slug)).isTrue();
        ClientRepresentation portal =
                identities.realm().clients().findByClientId("portal-" + slug).getFirst();
        assertThat(portal.isPublicClient()).isTrue();
        assertThat(portal.getAttributes())
                .containsEntry("pkce.code.challenge.method", "S256")
                .containsEntry("selfdata.primaryColor", "#00607a")
                .containsEntry("login_theme", "selfdata");
        assertThat(portal.getRedirectUris()).containsExactly("http://" + slug + ".localhost:8080/*");
        assertThat(portal.getDefaultClientScopes()).contains("organization", "selfdata-api");

        UserRepresentation admin = identities
                .realm()
                .users()
                .searchByEmail("mairie@" + slug + ".example.org", true)
                .getFirst();
        assertThat(identities
                        .realm()
                        .users()
                        .get(admin.getId())
                        .roles()
                        .clientLevel(portal.getId())
                        .listAll())
                .extracting(role -> role.getName())
                .containsExactly("city-admin");

        ServiceClient.Response credentials =
                client.platform("POST", "/platform/tenants/" + slug + "/admin-credentials", null);
        assertThat(credentials.status()).isEqualTo(200);
        String password = credentials.json().path("temporaryPassword").asString();
        assertThat(password).hasSize(20);
        // The password works, and is temporary: Keycloak asks for a new one before any token.
        assertThat(passwordGrant(admin.getUsername(), password)).contains("Account is not fully set up");
        assertThat(passwordGrant(admin.getUsername(), password + "x")).contains("Invalid user credentials");
    }

    @Test
    void aFailureAfterTheIdentityStepLeavesNoOrganizationNorClientBehind() {
        String slug = freshSlug("failing");
        FaultInjection.inject(slug, "activation", Fault.FAIL);
        Map<String, Object> request = new HashMap<>(cityRequest(slug, "Failing"));
        request.put("adminEmail", "mairie@" + slug + ".example.org");

        client.platform("POST", "/platform/tenants", request);
        awaitStatus(slug, "FAILED");

        assertThat(identities.organizationExists(slug)).isFalse();
        assertThat(identities.portalClientExists(slug)).isFalse();
        assertThat(identities.realm().users().searchByEmail("mairie@" + slug + ".example.org", true))
                .isEmpty();
    }

    @Test
    void offboardingRemovesTheCityFromTheIdentityServer() {
        String slug = onboard(freshSlug("lyon"), "Lyon");
        identities.citizenToken(slug);
        assertThat(identities.organizationExists(slug)).isTrue();

        assertThat(client.platform("POST", "/platform/tenants/" + slug + "/offboard", Map.of("confirm", slug))
                        .status())
                .isEqualTo(200);

        assertThat(identities.organizationExists(slug)).isFalse();
        assertThat(identities.portalClientExists(slug)).isFalse();
        assertThat(identities.realm().users().searchByUsername("citizen@" + slug + ".tests.selfdata.eu", true))
                .as("a citizen of no other city leaves with it")
                .isEmpty();
    }

    private String passwordGrant(String username, String password) throws Exception {
        ClientRepresentation cli =
                identities.realm().clients().findByClientId("selfdata-tests").getFirst();
        String form = "grant_type=password&client_id=" + cli.getClientId() + "&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(identities.server().issuer() + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
