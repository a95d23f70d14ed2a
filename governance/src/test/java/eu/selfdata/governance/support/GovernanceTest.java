package eu.selfdata.governance.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TestIdentities;
import eu.selfdata.testsupport.TestPostgres;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * governance running against the real tenant-service (same JVM), the shared PostgreSQL and the
 * real Keycloak; requests are made as the gateway makes them (signed, with the city's header on a
 * city host). Test classes share one context and keep apart with fresh city slugs and partners.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GovernanceTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RunningTenantService tenantService = RunningTenantService.shared();
        TestPostgres.springDatasourceProperties().forEach((key, value) -> registry.add(key, () -> value));
        TestIdentities.shared().server().springProperties().forEach((key, value) -> registry.add(key, () -> value));
        TestIdentities.shared().mailProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("selfdata.gateway.secret", () -> RunningTenantService.SECRET);
        registry.add("selfdata.tenant-service.url", () -> "http://localhost:" + tenantService.port());
        registry.add(
                "selfdata.tenant-service.charter-url",
                () -> RecordingServer.shared().url() + "/platform/tenants/{slug}/charter");
        registry.add(
                "selfdata.tenant-service.token-uri",
                () -> TestIdentities.shared().server().issuer() + "/protocol/openid-connect/token");
        registry.add("selfdata.tenant-service.client-secret", tenantService::governanceSecret);
        registry.add("selfdata.partners.sync-initial-delay", () -> "1h");
        registry.add("selfdata.pilots.stop-retry-interval", () -> "500ms");
        registry.add("selfdata.charter.relay-retry-interval", () -> "500ms");
        registry.add("selfdata.mail.retry-interval", () -> "500ms");
    }

    @LocalServerPort
    protected int port;

    protected final TestIdentities identities = TestIdentities.shared();
    /** governance, called as the gateway calls it */
    protected ServiceClient governance;
    /** the real tenant-service */
    protected ServiceClient tenantService;

    @BeforeEach
    void clients() {
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        RunningTenantService running = RunningTenantService.shared();
        governance = new ServiceClient(http, port, running.signature(), identities);
        tenantService = new ServiceClient(http, running.port(), running.signature(), identities);
    }

    protected static String freshSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Onboards the city in tenant-service, then lets governance sync its partners; returns the city's partner id. */
    protected UUID onboardCity(String slug, String name, int population) {
        return onboardCity(slug, name, population, null);
    }

    /** @param adminEmail the city's first admin, or null for none */
    protected UUID onboardCity(String slug, String name, int population, String adminEmail) {
        Map<String, Object> request = new java.util.HashMap<>(Map.of(
                "slug",
                slug,
                "displayName",
                name,
                "population",
                population,
                "customDomains",
                java.util.List.of(),
                "branding",
                Map.of("primaryColor", "#00607a", "secondaryColor", "#ffffff", "defaultLanguage", "fr"),
                "enabledModules",
                java.util.List.of()));
        if (adminEmail != null) {
            request.put("adminEmail", adminEmail);
        }
        ServiceClient.Response accepted = tenantService.platform("POST", "/platform/tenants", request);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(tenantService
                                .platform("GET", "/platform/tenants/" + slug, null)
                                .json()
                                .path("tenant")
                                .path("status")
                                .asString())
                        .isEqualTo("ACTIVE"));
        ServiceClient.Response synced = governance.platform("POST", "/governance/partners/sync", null);
        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        return partnerOfCity(slug);
    }

    protected UUID partnerOfCity(String slug) {
        return governance
                .platform("GET", "/governance/partners", null)
                .json()
                .valueStream()
                .filter(partner -> slug.equals(partner.path("citySlug").asString(null)))
                .map(partner -> UUID.fromString(partner.path("id").asString()))
                .findFirst()
                .orElseThrow();
    }

    /** A non-city partner, created by a coordinator. */
    protected UUID nonCityPartner(String kind, String name) {
        ServiceClient.Response created =
                governance.platform("POST", "/governance/partners", Map.of("kind", kind, "name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().path("id").asString());
    }

    /** Makes this partner the lead coordinator: assigned when there is none, else handed over by a coordinator. */
    protected void makeLead(UUID partner) {
        JsonNode current =
                governance.platform("GET", "/governance/roles", null).json().path("current");
        boolean hasLead = current.valueStream()
                .anyMatch(role -> role.path("role").asString().equals("LEAD_COORDINATOR"));
        ServiceClient.Response response = hasLead
                ? governance.platform(
                        "POST", "/governance/roles/lead-coordinator/transfer", Map.of("partnerId", partner))
                : governance.platform(
                        "POST", "/governance/roles/LEAD_COORDINATOR/holders", Map.of("partnerId", partner));
        assertThat(response.status()).as(response.body()).isIn(200, 201, 409);
        assertThat(currentLead()).isEqualTo(partner);
    }

    protected UUID currentLead() {
        return governance
                .platform("GET", "/governance/roles", null)
                .json()
                .path("current")
                .valueStream()
                .filter(role -> role.path("role").asString().equals("LEAD_COORDINATOR"))
                .map(role -> UUID.fromString(role.path("partnerId").asString()))
                .findFirst()
                .orElse(null);
    }
}
