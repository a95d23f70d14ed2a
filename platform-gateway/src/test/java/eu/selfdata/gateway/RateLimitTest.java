package eu.selfdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Rate limits per city, as the tenant directory gives them: per client address on sign-ins and API calls, per
 * account on API calls and uploads; 429 problems with Retry-After; one city's flood never touches another's.
 * Each test uses its own city, so the buckets of one test never count in another.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "selfdata.gateway.secret=" + Signatures.SECRET)
class RateLimitTest extends RunningGatewayTest {

    @AutoClose
    static final TestBackends backends = TestBackends.start();

    static final FakeIssuer keycloak = backends.keycloak();

    static {
        backends.tenantService()
                .putTenant("flooded", limits(5, 100, 100, 100))
                .putTenant("accounts", limits(1000, 3, 100, 100))
                .putTenant("signins", limits(1000, 1000, 4, 100))
                .putTenant("uploads", limits(1000, 1000, 100, 2))
                .putTenant("spoofed", limits(2, 1000, 100, 100));
        backends.withTenant("quiet", "ACTIVE");
    }

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        backends.register(registry);
    }

    private static Map<String, Integer> limits(int apiPerAddress, int apiPerAccount, int signIns, int uploads) {
        return Map.of(
                "apiPerAddressPerMinute",
                apiPerAddress,
                "apiPerAccountPerMinute",
                apiPerAccount,
                "signInsPerAddressPerMinute",
                signIns,
                "registrationsPerAddressPerHour",
                10,
                "uploadsPerAccountPerHour",
                uploads);
    }

    @Test
    void apiCallsFromOneAddressBeyondTheCitysLimitAre429WithRetryAfterAndOtherCitiesAndPagesAreUntouched() {
        for (int call = 0; call < 5; call++) {
            Requests.get(client, "flooded.localhost", "/api/trips", null)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult();
        }
        EntityExchangeResult<byte[]> refused = Requests.get(client, "flooded.localhost", "/api/trips", null)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://selfdata.eu/problems/too-many-requests")
                .returnResult();

        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                .isBetween(1L, 60L);
        for (int call = 0; call < 20; call++) {
            Requests.get(client, "quiet.localhost", "/api/trips", null)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult();
        }
        Requests.get(client, "flooded.localhost", "/", null)
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
    }

    @Test
    void eachAccountHasItsOwnAllowanceOfApiCalls() {
        String camille = keycloak.token(List.of("accounts"), List.of("citizen"));
        String noah = keycloak.token(List.of("accounts"), List.of("citizen"), claims -> claims.subject("noah"));
        for (int call = 0; call < 3; call++) {
            Requests.get(client, "accounts.localhost", "/api/trips", camille)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult();
        }

        Requests.get(client, "accounts.localhost", "/api/trips", camille)
                .expectStatus()
                .isEqualTo(429)
                .expectBody()
                .returnResult();
        Requests.get(client, "accounts.localhost", "/api/trips", noah)
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
    }

    @Test
    void signInStepsFromOneAddressAreLimited() {
        for (int step = 0; step < 4; step++) {
            client.get()
                    .uri("/login")
                    .header(HttpHeaders.HOST, "signins.localhost")
                    .exchange()
                    .expectStatus()
                    .is3xxRedirection()
                    .expectBody()
                    .returnResult();
        }
        client.get()
                .uri("/login")
                .header(HttpHeaders.HOST, "signins.localhost")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .returnResult();
        client.get()
                .uri("/login")
                .header(HttpHeaders.HOST, "quiet.localhost")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectBody()
                .returnResult();
    }

    @Test
    void uploadsAreCountedPerAccountPerHour() {
        String camille = keycloak.token(List.of("uploads"), List.of("citizen"));
        for (int upload = 0; upload < 2; upload++) {
            upload(camille).expectStatus().isOk().expectBody().returnResult();
        }

        upload(camille)
                .expectStatus()
                .isEqualTo(429)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("per hour"));
        Requests.get(client, "uploads.localhost", "/api/trips", camille)
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerDoesNotMakeANewAddress() {
        for (int call = 0; call < 2; call++) {
            client.get()
                    .uri("/api/trips")
                    .header(HttpHeaders.HOST, "spoofed.localhost")
                    .header("X-Forwarded-For", "203.0.113." + call)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult();
        }
        client.get()
                .uri("/api/trips")
                .header(HttpHeaders.HOST, "spoofed.localhost")
                .header("X-Forwarded-For", "203.0.113.99")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectBody()
                .returnResult();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec upload(String token) {
        return client.post()
                .uri("/api/mobility-carbon/traces")
                .header(HttpHeaders.HOST, "uploads.localhost")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(new org.springframework.util.LinkedMultiValueMap<>(Map.of("file", List.of("<gpx/>"))))
                .exchange();
    }
}
