package eu.selfdata.governance.charter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.governance.support.GovernanceTest;
import eu.selfdata.governance.support.RecordingServer;
import eu.selfdata.governance.support.RunningTenantService;
import eu.selfdata.tenant.support.ServiceClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Charter versions and signatures. tenant-service's {@code PUT /platform/tenants/{slug}/charter} is
 * being built alongside: the relay is checked against a real HTTP server standing in for it.
 */
class CharterTest extends GovernanceTest {

    private final RecordingServer tenantCharter = RecordingServer.shared();

    @AfterEach
    void answerNormally() {
        tenantCharter.answer(204);
    }

    @Test
    void aCityAdminSignsAVersionItsPortalShowsAndTenantServiceIsTold() {
        String city = freshSlug("lr");
        String other = freshSlug("ly");
        onboardCity(city, "La Rochelle", 77_205);
        onboardCity(other, "Lyon", 522_250);
        String v1 = publish("Charte des données v1");
        String v2 = publish("Charte des données v2");

        ServiceClient.Response signed = governance.cityAs(
                identities.cityAdminToken(city), city, "PUT", "/governance/charter", Map.of("version", v1));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(governance
                        .cityAs(
                                identities.cityAdminToken(city),
                                city,
                                "PUT",
                                "/governance/charter",
                                Map.of("version", v2))
                        .status())
                .isEqualTo(200);

        ServiceClient.Response shown = governance.city(city, "GET", "/governance/charter", null);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().path("version").path("id").asString()).isEqualTo(v2);
        assertThat(shown.json().path("relayedAt").isNull()).isFalse();
        assertThat(governance.city(other, "GET", "/governance/charter", null).status())
                .as("Lyon signed nothing")
                .isEqualTo(404);

        RecordingServer.Request relayed = tenantCharter.requests().stream()
                .filter(request -> request.path().equals("/platform/tenants/" + city + "/charter"))
                .toList()
                .getLast();
        assertThat(relayed.method()).isEqualTo("PUT");
        assertThat(relayed.body()).isEqualTo("{\"version\":\"" + v2 + "\"}");
        assertThat(relayed.header("Authorization")).startsWith("Bearer ");
        assertThat(RunningTenantService.shared().signature().verifies(relayed.header("X-Tenant-Signature"), ""))
                .isTrue();
    }

    @Test
    void onlyTheHostCitysAdminSigns() {
        String city = freshSlug("sign");
        String other = freshSlug("other");
        onboardCity(city, "Sign", 1_000);
        onboardCity(other, "Other", 1_000);
        String version = publish("v");

        ServiceClient.Response byCitizen = governance.cityAs(
                identities.citizenToken(city), city, "PUT", "/governance/charter", Map.of("version", version));
        ServiceClient.Response byOtherAdmin = governance.cityAs(
                identities.cityAdminToken(other), city, "PUT", "/governance/charter", Map.of("version", version));
        ServiceClient.Response onPlatformHost = governance.platformAs(
                identities.cityAdminToken(city), "PUT", "/governance/charter", Map.of("version", version));
        ServiceClient.Response unknownVersion = governance.cityAs(
                identities.cityAdminToken(city), city, "PUT", "/governance/charter", Map.of("version", "nope"));

        assertThat(byCitizen.status()).isEqualTo(403);
        assertThat(byOtherAdmin.status()).isEqualTo(403);
        assertThat(byOtherAdmin.problemType()).isEqualTo("wrong-city");
        assertThat(onPlatformHost.status()).isEqualTo(404);
        assertThat(unknownVersion.status()).isEqualTo(404);
        assertThat(governance.city(city, "GET", "/governance/charter", null).status())
                .isEqualTo(404);
    }

    @Test
    void aSignatureTenantServiceRefusedIsRelayedAgainLater() {
        String city = freshSlug("retry");
        onboardCity(city, "Retry", 2_000);
        String version = publish("v");
        tenantCharter.answer(503);

        ServiceClient.Response signed = governance.cityAs(
                identities.cityAdminToken(city), city, "PUT", "/governance/charter", Map.of("version", version));

        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.json().path("relayedAt").isNull()).isTrue();
        tenantCharter.answer(204);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(governance
                                .city(city, "GET", "/governance/charter", null)
                                .json()
                                .path("relayedAt")
                                .isNull())
                        .isFalse());
    }

    @Test
    void versionsArePublishedOnceByCoordinators() {
        String id = "v-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> body = Map.of("id", id, "title", "Charter", "body", "Text");
        String city = freshSlug("pub");
        onboardCity(city, "Pub", 1_000);

        assertThat(governance
                        .platformAs(identities.cityAdminToken(city), "POST", "/governance/charter/versions", body)
                        .status())
                .isEqualTo(403);
        assertThat(governance
                        .platform("POST", "/governance/charter/versions", body)
                        .status())
                .isEqualTo(201);
        ServiceClient.Response again = governance.platform(
                "POST", "/governance/charter/versions", Map.of("id", id, "title", "Changed", "body", "Other"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(governance
                        .platform("GET", "/governance/charter/versions/" + id, null)
                        .json()
                        .path("body")
                        .asString())
                .isEqualTo("Text");
        ServiceClient.Response badId = governance.platform(
                "POST", "/governance/charter/versions", Map.of("id", "../x", "title", "t", "body", "b"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.problemType()).isEqualTo("invalid-request");
    }

    private String publish(String title) {
        String id = "v" + UUID.randomUUID().toString().substring(0, 8);
        ServiceClient.Response published = governance.platform(
                "POST",
                "/governance/charter/versions",
                Map.of(
                        "id",
                        id,
                        "title",
                        title,
                        "body",
                        "Les données personnelles restent sous le contrôle des citoyens."));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return id;
    }
}
