package eu.selfdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.gateway.FakeUpstream.Echo;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Bearer tokens at the gateway, against a stand-in realm that signs tokens shaped like Keycloak's. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"selfdata.gateway.secret=" + Signatures.SECRET, "selfdata.identity.clock-skew=0s"})
class BearerTokenTest extends RunningGatewayTest {

    @AutoClose
    static final TestBackends backends =
            TestBackends.start().withTenant("larochelle", "ACTIVE").withTenant("lyon", "ACTIVE");

    static final FakeIssuer keycloak = backends.keycloak();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        backends.register(registry);
    }

    @Test
    void coordinatorApiWithoutTokenIs401UnauthenticatedWithBearerChallenge() {
        Requests.get(client, "localhost", "/platform/tenants", null)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(problem("unauthenticated"));
    }

    @Test
    void coordinatorReachesTheCoordinatorApiWithItsTokenRelayed() {
        String token = keycloak.token(List.of(), List.of("platform-coordinator"));

        Echo echo = Requests.get(client, "localhost", "/platform/tenants", token)
                .expectStatus()
                .isOk()
                .expectBody(Echo.class)
                .returnResult()
                .getResponseBody();

        assertThat(echo.header("Authorization")).containsExactly("Bearer " + token);
    }

    @Test
    void citizenOnTheCoordinatorApiIs403Forbidden() {
        expect(
                Requests.get(
                        client,
                        "localhost",
                        "/platform/tenants",
                        keycloak.token(List.of("larochelle"), List.of("citizen"))),
                403,
                "forbidden");
    }

    @Test
    void laRochelleTokenOnLyonIs403WrongCityDespiteAValidSignature() {
        String laRochelle = keycloak.token(List.of("larochelle"), List.of("citizen"));

        expect(Requests.get(client, "lyon.localhost", "/api/trips", laRochelle), 403, "wrong-city");
        expect(Requests.get(client, "lyon.localhost", "/", laRochelle), 403, "wrong-city");
        Requests.get(client, "larochelle.localhost", "/api/trips", laRochelle)
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
    }

    @Test
    void organizationClaimShapedAsAMapKeyedByAliasIsAccepted() {
        String token = keycloak.token(
                List.of(),
                List.of("citizen"),
                claims -> claims.claim("organization", Map.of("larochelle", Map.of("id", "0b5e"))));

        Echo echo = Requests.get(client, "larochelle.localhost", "/api/trips", token)
                .expectStatus()
                .isOk()
                .expectBody(Echo.class)
                .returnResult()
                .getResponseBody();

        assertThat(echo.header("Authorization")).containsExactly("Bearer " + token);
        expect(Requests.get(client, "lyon.localhost", "/api/trips", token), 403, "wrong-city");
    }

    @Test
    void expiredTokenIs401() {
        String expired = keycloak.token(
                List.of("larochelle"),
                List.of("citizen"),
                claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(5))));

        expectInvalidToken(Requests.get(client, "larochelle.localhost", "/api/trips", expired));
    }

    @Test
    void tokenNotYetValidIs401() {
        String early = keycloak.token(
                List.of("larochelle"),
                List.of("citizen"),
                claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(120))));

        expectInvalidToken(Requests.get(client, "larochelle.localhost", "/api/trips", early));
    }

    @Test
    void tokenSignedByAnotherKeyIs401() {
        expectInvalidToken(Requests.get(
                client, "larochelle.localhost", "/api/trips", keycloak.tokenSignedByAnotherKey(List.of("larochelle"))));
    }

    @Test
    void unsignedAlgNoneTokenIs401() {
        expectInvalidToken(Requests.get(
                client, "larochelle.localhost", "/api/trips", keycloak.unsignedToken(List.of("larochelle"))));
    }

    @Test
    void garbageTokenIs401WithoutAStackTrace() {
        for (String garbage : List.of("garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.AAAA")) {
            expectInvalidToken(Requests.get(client, "larochelle.localhost", "/api/trips", garbage))
                    .jsonPath("$.trace")
                    .doesNotExist();
        }
    }

    @Test
    void tokenForAnotherAudienceIs401() {
        expectInvalidToken(Requests.get(
                client,
                "larochelle.localhost",
                "/api/trips",
                keycloak.token(List.of("larochelle"), List.of("citizen"), claims -> claims.audience("account"))));
    }

    @Test
    void tokenFromAnotherIssuerIs401() {
        expectInvalidToken(Requests.get(
                client,
                "larochelle.localhost",
                "/api/trips",
                keycloak.token(
                        List.of("larochelle"),
                        List.of("citizen"),
                        claims -> claims.issuer("http://evil.example/realms/selfdata"))));
    }

    @Test
    void anAcceptedTokenIsRefusedOnceItExpires() {
        String shortLived = keycloak.token(
                List.of("larochelle"),
                List.of("citizen"),
                claims -> claims.expirationTime(Date.from(Instant.now().plusSeconds(2))));
        Requests.get(client, "larochelle.localhost", "/api/trips", shortLived)
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() ->
                        expectInvalidToken(Requests.get(client, "larochelle.localhost", "/api/trips", shortLived)));
    }

    @Test
    void anAcceptedTokenWithAnotherSignatureIs401() {
        String genuine = keycloak.token(List.of("larochelle"), List.of("citizen"));
        Requests.get(client, "larochelle.localhost", "/api/trips", genuine)
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
        String forgedSignature = keycloak.tokenSignedByAnotherKey(List.of("larochelle"));

        String forged = genuine.substring(0, genuine.lastIndexOf('.'))
                + forgedSignature.substring(forgedSignature.lastIndexOf('.'));

        expectInvalidToken(Requests.get(client, "larochelle.localhost", "/api/trips", forged));
    }

    @Test
    void anAcceptedTokenStillBelongsToItsCityOnly() {
        String laRochelle = keycloak.token(List.of("larochelle"), List.of("citizen"));

        for (int i = 0; i < 2; i++) {
            Requests.get(client, "larochelle.localhost", "/api/trips", laRochelle)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult();
            expect(Requests.get(client, "lyon.localhost", "/api/trips", laRochelle), 403, "wrong-city");
        }
    }

    @Test
    void malformedBearerHeadersAre401AndOtherSchemesAreNoBearerToken() {
        for (String authorization :
                List.of("Bearer", "Bearer a b", "Bearer a=b", "Bearer ====", "bearer\ta.b.c", "Bearerx.y.z")) {
            expectInvalidToken(client.get()
                    .uri("/api/trips")
                    .header(HttpHeaders.HOST, "larochelle.localhost")
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .exchange());
        }
        client.get()
                .uri("/api/trips")
                .header(HttpHeaders.HOST, "larochelle.localhost")
                .header(HttpHeaders.AUTHORIZATION, "Basic YTpi")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
    }

    @Test
    void anonymousRequestsToCityPagesAndApiPassToTheServicesWithoutOpeningASession() {
        Echo echo = Requests.get(client, "larochelle.localhost", "/api/trips", null)
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody(Echo.class)
                .returnResult()
                .getResponseBody();

        assertThat(echo.headers()).doesNotContainKey("authorization");
    }

    @Test
    void postWithABearerTokenNeedsNoCsrfToken() {
        String token = keycloak.token(List.of("larochelle"), List.of("citizen"));

        client.post()
                .uri("/api/trips")
                .header(HttpHeaders.HOST, "larochelle.localhost")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"legs\":[]}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
    }

    @Test
    void keysAreCachedSoIssuedTokensKeepWorkingWhileTheIssuerIsDown() {
        String token = keycloak.token(List.of("larochelle"), List.of("citizen"));
        Requests.get(client, "larochelle.localhost", "/api/trips", token)
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
        int fetches = keycloak.keyFetches();

        keycloak.down(true);
        try {
            for (int i = 0; i < 3; i++) {
                Requests.get(client, "larochelle.localhost", "/api/trips", token)
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult();
            }
            // a key the gateway never saw cannot be checked now: unavailable, not "your token is bad"
            expect(
                    Requests.get(
                            client,
                            "larochelle.localhost",
                            "/api/trips",
                            keycloak.tokenWithUnknownKey(List.of("larochelle"))),
                    503,
                    "identity-unavailable");
        } finally {
            keycloak.down(false);
        }
        assertThat(keycloak.keyFetches()).isEqualTo(fetches);
    }

    private static WebTestClient.BodyContentSpec expect(WebTestClient.ResponseSpec response, int status, String type) {
        return response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(problem(type))
                .jsonPath("$.status")
                .isEqualTo(status)
                .jsonPath("$.detail")
                .isNotEmpty();
    }

    private static WebTestClient.BodyContentSpec expectInvalidToken(WebTestClient.ResponseSpec response) {
        return expect(
                response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""),
                401,
                "unauthenticated");
    }

    private static String problem(String type) {
        return "https://selfdata.eu/problems/" + type;
    }
}
