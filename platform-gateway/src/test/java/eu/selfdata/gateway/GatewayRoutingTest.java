package eu.selfdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.gateway.FakeUpstream.Echo;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The real gateway on a random port in front of real HTTP upstreams, addressed by Host header. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "selfdata.gateway.secret=" + Signatures.SECRET,
            // only start-up and misses fetch the directory, so calls can be counted exactly
            "selfdata.directory.refresh-interval=1h"
        })
class GatewayRoutingTest extends RunningGatewayTest {

    @AutoClose
    static final TestBackends backends = TestBackends.start()
            .withTenant("larochelle", "ACTIVE", "mobilite.larochelle.fr")
            .withTenant("lyon", "ACTIVE")
            .withTenant("lahti", "SUSPENDED")
            .withTenant("nantes", "PROVISIONING");

    static final FakeUpstream tenantService = backends.tenantService();
    static final FakeIssuer keycloak = backends.keycloak();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        backends.register(registry);
    }

    @Test
    void forgedTenantHeadersNeverReachTheServiceOnlyTheHostsCityDoes() {
        Echo echo = get("larochelle.localhost", "/api/trips", headers -> {
            headers.add("X-Tenant-Id", "lyon");
            headers.add("x-tenant-id", "lyon");
            headers.add("X-Tenant-Signature", "1700000000.forged");
            headers.add("X-Gateway-Verified", "true");
            headers.add("X-Real-IP", "6.6.6.6");
            headers.add("Forwarded", "for=6.6.6.6;host=lyon.localhost");
        });

        assertThat(echo.upstream()).isEqualTo("tenant-service");
        assertThat(echo.path()).isEqualTo("/api/trips");
        assertThat(echo.header("X-Tenant-Id")).containsExactly("larochelle");
        assertThat(echo.header("X-Tenant-Signature"))
                .singleElement()
                .satisfies(signature ->
                        assertThat(Signatures.verifies(signature, "larochelle")).isTrue());
        assertThat(echo.headers()).doesNotContainKeys("x-gateway-verified", "x-real-ip", "forwarded");
        assertThat(echo.header("Host")).containsExactly("larochelle.localhost");
    }

    @Test
    void clientXForwardedHeadersNeitherChangeTheCityNorReachTheService() {
        Echo echo = get("larochelle.localhost", "/", headers -> {
            headers.add("X-Forwarded-Host", "lyon.localhost");
            headers.add("X-Forwarded-For", "6.6.6.6");
            headers.add("X-Forwarded-Proto", "https");
        });

        assertThat(echo.header("X-Tenant-Id")).containsExactly("larochelle");
        assertThat(echo.header("X-Forwarded-Host")).containsExactly("larochelle.localhost");
        assertThat(echo.header("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(echo.header("X-Forwarded-Proto")).containsExactly("http");
    }

    @Test
    void unknownCityHostAnswers404UnknownTenantProblem() {
        expectProblem("atlantis.localhost", "/", 404, "unknown-tenant");
    }

    @Test
    void nestedSubdomainOfTheBaseDomainIsNotACity() {
        expectProblem("larochelle.lyon.localhost", "/", 404, "unknown-tenant");
    }

    @Test
    void suspendedCityAnswers423TenantSuspendedProblem() {
        expectProblem("lahti.localhost", "/api/trips", 423, "tenant-suspended");
    }

    @Test
    void cityStillProvisioningIsNotServed() {
        expectProblem("nantes.localhost", "/", 404, "unknown-tenant");
    }

    @Test
    void customDomainFromTheDirectoryResolvesToItsCityWhateverItsCaseAndPort() {
        Echo echo = get("MOBILITE.LaRochelle.fr:8443", "/api/trips", headers -> {});

        assertThat(echo.header("X-Tenant-Id")).containsExactly("larochelle");
        assertThat(echo.header("Host")).containsExactly("MOBILITE.LaRochelle.fr:8443");
    }

    @Test
    void cityOnboardedAfterStartIsServedOnItsFirstRequest() {
        tenantService.putTenant("poitiers", "ACTIVE");

        Echo echo = get("poitiers.localhost", "/", headers -> {});

        assertThat(echo.header("X-Tenant-Id")).containsExactly("poitiers");
    }

    @Test
    void knownCitiesAreServedFromMemoryWithoutFetchingTheDirectoryPerRequest() {
        int before = tenantService.directoryCalls();

        for (int i = 0; i < 50; i++) {
            get(i % 2 == 0 ? "larochelle.localhost" : "lyon.localhost", "/api/trips", headers -> {});
        }

        assertThat(tenantService.directoryCalls()).isEqualTo(before);
    }

    @Test
    void directoryIsFetchedSignedForThePlatformAndOnlyIfChanged() {
        expectProblem("atlantis.localhost", "/", 404, "unknown-tenant");

        Map<String, List<String>> headers = tenantService.lastDirectoryRequestHeaders();
        assertThat(headers).doesNotContainKey("x-tenant-id");
        assertThat(headers.get("x-tenant-signature"))
                .singleElement()
                .satisfies(signature ->
                        assertThat(Signatures.verifies(signature, "")).isTrue());
        assertThat(headers.get("if-none-match")).singleElement().asString().startsWith("\"v");
    }

    @Test
    void directoryOutageKeepsServingTheLastKnownCities() {
        tenantService.failDirectory(true);
        try {
            int before = tenantService.directoryCalls();
            // a miss makes the gateway refresh, which now fails
            expectProblem("atlantis.localhost", "/", 404, "unknown-tenant");
            assertThat(tenantService.directoryCalls()).isGreaterThan(before);

            assertThat(get("larochelle.localhost", "/", headers -> {}).header("X-Tenant-Id"))
                    .containsExactly("larochelle");
        } finally {
            tenantService.failDirectory(false);
        }
    }

    @Test
    void platformHostReachesTenantServiceWithoutTenantIdAndSignedForNoTenant() {
        String coordinator = keycloak.token(List.of(), List.of("platform-coordinator"));
        Echo echo = get("localhost:" + port, "/platform/tenants", headers -> {
            headers.add("X-Tenant-Id", "larochelle");
            headers.setBearerAuth(coordinator);
        });

        assertThat(echo.upstream()).isEqualTo("tenant-service");
        assertThat(echo.path()).isEqualTo("/platform/tenants");
        assertThat(echo.headers()).doesNotContainKey("x-tenant-id");
        assertThat(echo.header("X-Tenant-Signature"))
                .singleElement()
                .satisfies(signature ->
                        assertThat(Signatures.verifies(signature, "")).isTrue());
        assertThat(echo.header("Authorization")).containsExactly("Bearer " + coordinator);
    }

    @Test
    void platformHostServesItsPagesFromTenantService() {
        assertThat(get("localhost", "/", headers -> {}).upstream()).isEqualTo("tenant-service");
    }

    @Test
    void cityApiIsNotServedOnThePlatformHost() {
        expectProblem("localhost", "/api/x", 404, "not-found");
    }

    @Test
    void platformPathsAreNotServedOnACityHost() {
        expectProblem("larochelle.localhost", "/platform/x", 404, "not-found");
    }

    @Test
    void internalPathsAreNeverServed() {
        expectProblem("larochelle.localhost", "/internal/tenant-directory", 404, "not-found");
        expectProblem("localhost", "/internal/tenant-directory", 404, "not-found");
    }

    @Test
    void governancePathsGoToGovernanceForCitiesAndThePlatform() {
        Echo city = get("lyon.localhost", "/governance/partners", headers -> {});
        Echo platform = get("localhost", "/governance/votes", headers -> {});

        assertThat(city.upstream()).isEqualTo("governance");
        assertThat(city.path()).isEqualTo("/governance/partners");
        assertThat(city.header("X-Tenant-Id")).containsExactly("lyon");
        assertThat(platform.upstream()).isEqualTo("governance");
        assertThat(platform.headers()).doesNotContainKey("x-tenant-id");
    }

    @Test
    void gatewayHealthAnswersOnAnyHostButNoServiceActuatorIsReachable() {
        client.get()
                .uri("/actuator/health")
                .header(HttpHeaders.HOST, "atlantis.localhost")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        expectProblem("larochelle.localhost", "/actuator/env", 404, "not-found");
    }

    @Test
    void requestMetricsAreTaggedWithTheCityServed() {
        get("lyon.localhost", "/api/metrics-probe", headers -> {});

        String prometheus = client.get()
                .uri("/actuator/prometheus")
                .header(HttpHeaders.HOST, "localhost")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(prometheus).containsPattern("http_server_requests_seconds_count\\{[^}]*tenant=\"lyon\"");
    }

    @Test
    void aPageLoadsImagesFromTheOneHttpsOriginItsServiceNamesAndFromNoOtherOrigin() {
        client.get()
                .uri("/my/mobility-carbon")
                .header(HttpHeaders.HOST, "larochelle.localhost")
                .header(FakeUpstream.ASK_IMAGE_ORIGIN, "https://data.geopf.fr")
                .exchange()
                .expectHeader()
                .valueEquals(
                        "Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data: https://data.geopf.fr; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")
                .expectHeader()
                .doesNotExist("X-Selfdata-Image-Origin");
        for (String hostile : List.of(
                "https://tiles.example.org; script-src *",
                "https://tiles.example.org 'unsafe-inline'",
                "http://tiles.example.org",
                "https://10.0.0.5",
                "https://localhost",
                "https://*.example.org",
                "https://tiles.example.org/a",
                "https://user@tiles.example.org",
                "data:")) {
            client.get()
                    .uri("/my/mobility-carbon")
                    .header(HttpHeaders.HOST, "larochelle.localhost")
                    .header(FakeUpstream.ASK_IMAGE_ORIGIN, hostile)
                    .exchange()
                    .expectHeader()
                    .valueEquals(
                            "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                    + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'")
                    .expectHeader()
                    .doesNotExist("X-Selfdata-Image-Origin");
        }
    }

    @Test
    void securityHeadersAreOnProxiedAndProblemResponsesWithoutHstsOverPlainHttp() {
        for (String host : List.of("larochelle.localhost", "atlantis.localhost")) {
            client.get()
                    .uri("/")
                    .header(HttpHeaders.HOST, host)
                    .exchange()
                    .expectHeader()
                    .valueEquals(
                            "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                    + "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")
                    .expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader()
                    .valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                    .expectHeader()
                    .valueEquals("X-Frame-Options", "DENY")
                    .expectHeader()
                    .doesNotExist("Strict-Transport-Security")
                    .expectBody()
                    .returnResult();
        }
    }

    private Echo get(String host, String path, Consumer<HttpHeaders> headers) {
        return client.get()
                .uri(path)
                .header(HttpHeaders.HOST, host)
                .headers(headers)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Echo.class)
                .returnResult()
                .getResponseBody();
    }
}
