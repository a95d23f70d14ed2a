package eu.selfdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.gateway.FakeUpstream.Echo;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Keycloak stops while the gateway runs: what was issued keeps working, signing in answers 503. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class KeycloakOutageIT {

    // its own server, since this test stops it
    static TestKeycloak keycloak;
    static KeycloakGateway gateway;

    @BeforeAll
    static void start() {
        keycloak = TestKeycloak.startOwn(Path.of("target", "keycloak-outage"));
        gateway = KeycloakGateway.start(keycloak);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        keycloak.stop();
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        gateway.register(registry);
    }

    @Test
    void issuedTokensAndOpenSessionsKeepWorkingWhileSigningInAnswers503() {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + gateway.port())
                .build();
        String laRochelle = gateway.origin("larochelle.localhost");
        String appToken = gateway.appToken("portal-larochelle", "larochelle", KeycloakGateway.LA_ROCHELLE_CITIZEN);
        Requests.get(client, "larochelle.localhost", "/api/trips", appToken)
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
        try (Browser browser = new Browser()) {
            browser.signIn(
                    browser.get(laRochelle + "/login"),
                    KeycloakGateway.LA_ROCHELLE_CITIZEN,
                    KeycloakGateway.PASSWORD,
                    uri -> false);

            keycloak.stop();

            Echo echo = Requests.get(client, "larochelle.localhost", "/api/trips", appToken)
                    .expectStatus()
                    .isOk()
                    .expectBody(Echo.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(echo.header("Authorization")).containsExactly("Bearer " + appToken);
            assertThat(browser.get(laRochelle + "/api/me").body()).contains("Bearer ");

            // a success of the reachability probe is remembered for a few seconds
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> browser.getUntil(
                                            laRochelle + "/oauth2/authorization/larochelle",
                                            uri -> uri.toString().startsWith(keycloak.issuer()))
                                    .status()
                            == 503);
            Browser.Page page = browser.get(laRochelle + "/login");
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("Sign-in unavailable").doesNotContain("Exception");
            client.get()
                    .uri("/oauth2/authorization/larochelle")
                    .header(HttpHeaders.HOST, "larochelle.localhost")
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://selfdata.eu/problems/identity-unavailable");
        }
    }
}
