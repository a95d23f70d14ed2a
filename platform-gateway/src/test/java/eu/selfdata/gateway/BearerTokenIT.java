package eu.selfdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.gateway.FakeUpstream.Echo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** The token matrix with tokens issued by the real Keycloak to a city app and to the coordinator console. */
class BearerTokenIT extends RunningKeycloakGatewayTest {

    private final WebTestClient client = WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + gateway.port())
            .build();

    @Test
    void coordinatorApiWithoutTokenIs401() {
        expect(Requests.get(client, "localhost", "/platform/tenants", null), 401, "unauthenticated");
    }

    @Test
    void coordinatorTokenReachesTheCoordinatorApiAndIsRelayed() {
        String coordinator = gateway.appToken("platform-console", null, KeycloakGateway.COORDINATOR);

        Echo echo = Requests.get(client, "localhost", "/platform/tenants", coordinator)
                .expectStatus()
                .isOk()
                .expectBody(Echo.class)
                .returnResult()
                .getResponseBody();

        assertThat(echo.header("Authorization")).containsExactly("Bearer " + coordinator);
        assertThat(claims(coordinator)).contains("\"platform-coordinator\"").contains("\"selfdata-api\"");
    }

    @Test
    void citizenOnTheCoordinatorApiIs403() {
        String citizen = gateway.appToken("portal-larochelle", "larochelle", KeycloakGateway.LA_ROCHELLE_CITIZEN);

        expect(Requests.get(client, "localhost", "/platform/tenants", citizen), 403, "forbidden");
    }

    @Test
    void laRochelleTokenIsAcceptedOnLaRochelleAnd403WrongCityOnLyon() {
        String citizen = gateway.appToken("portal-larochelle", "larochelle", KeycloakGateway.LA_ROCHELLE_CITIZEN);
        assertThat(claims(citizen)).contains("\"organization\":[\"larochelle\"]");

        Echo echo = Requests.get(client, "larochelle.localhost", "/api/trips", citizen)
                .expectStatus()
                .isOk()
                .expectBody(Echo.class)
                .returnResult()
                .getResponseBody();
        assertThat(echo.header("Authorization")).containsExactly("Bearer " + citizen);
        assertThat(echo.header("X-Tenant-Id")).containsExactly("larochelle");

        expect(Requests.get(client, "lyon.localhost", "/api/trips", citizen), 403, "wrong-city");
    }

    @Test
    void expiredTokenIs401() throws InterruptedException {
        String shortLived =
                gateway.appToken(KeycloakGateway.SHORT_LIVED_CLIENT, "larochelle", KeycloakGateway.LA_ROCHELLE_CITIZEN);
        Requests.get(client, "larochelle.localhost", "/api/trips", shortLived)
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();

        Thread.sleep(3_100);

        expect(Requests.get(client, "larochelle.localhost", "/api/trips", shortLived), 401, "unauthenticated");
    }

    @Test
    void tokenWithAnotherTokensSignatureIs401() {
        String laRochelle = gateway.appToken("portal-larochelle", "larochelle", KeycloakGateway.LA_ROCHELLE_CITIZEN);
        String lyon = gateway.appToken("portal-lyon", "lyon", KeycloakGateway.LYON_CITIZEN);
        // Lyon's claims under La Rochelle's signature, claiming membership of La Rochelle
        String[] forged = lyon.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(forged[1]), StandardCharsets.UTF_8)
                .replace("\"lyon\"", "\"larochelle\"");
        String tampered = forged[0] + "." + base64(payload) + "." + laRochelle.split("\\.")[2];

        expect(Requests.get(client, "larochelle.localhost", "/api/trips", tampered), 401, "unauthenticated");
    }

    @Test
    void algNoneTokenIs401() {
        String citizen = gateway.appToken("portal-larochelle", "larochelle", KeycloakGateway.LA_ROCHELLE_CITIZEN);
        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + citizen.split("\\.")[1] + ".";

        expect(Requests.get(client, "larochelle.localhost", "/api/trips", unsigned), 401, "unauthenticated");
    }

    @Test
    void garbageTokenIs401() {
        expect(Requests.get(client, "larochelle.localhost", "/api/trips", "not-a-jwt"), 401, "unauthenticated");
    }

    private static void expect(WebTestClient.ResponseSpec response, int status, String type) {
        response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://selfdata.eu/problems/" + type);
    }

    static String claims(String jwt) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        // normalised spacing, so assertions can match fragments
        return JsonMapper.builder().build().readTree(json).toString();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
