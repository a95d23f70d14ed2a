package eu.selfdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.gateway.FakeUpstream.Echo;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.util.UriComponentsBuilder;

/** The start of a browser sign-in, per host, against a stand-in realm (the full flow runs in BrowserLoginIT). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "selfdata.gateway.secret=" + Signatures.SECRET)
class LoginStartTest extends RunningGatewayTest {

    @AutoClose
    static final TestBackends backends = TestBackends.start()
            .withTenant("larochelle", "ACTIVE", "mobilite.larochelle.fr")
            .withTenant("lyon", "ACTIVE");

    static final FakeIssuer keycloak = backends.keycloak();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        backends.register(registry);
    }

    @Test
    void signInOnACityHostUsesThatCitysPortalClientWithPkceAndComesBackToTheSameHost() {
        EntityExchangeResult<byte[]> start = get("larochelle.localhost:" + port, "/oauth2/authorization/larochelle");

        assertThat(start.getStatus().value()).isEqualTo(302);
        URI location = start.getResponseHeaders().getLocation();
        var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(location.toString()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?");
        assertThat(query.getFirst("client_id")).isEqualTo("portal-larochelle");
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("nonce")).isNotBlank();
        assertThat(decoded(query.getFirst("redirect_uri")))
                .isEqualTo("http://larochelle.localhost:" + port + "/login/oauth2/code/larochelle");
    }

    @Test
    void sessionCookieIsHostOnlyHttpOnlyAndSameSiteLax() {
        ResponseCookie session = get("larochelle.localhost", "/oauth2/authorization/larochelle")
                .getResponseCookies()
                .getFirst("SESSION");

        assertThat(session).isNotNull();
        assertThat(session.getDomain()).isNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.getPath()).isEqualTo("/");
    }

    @Test
    void customDomainSignsInWithItsCitysClientOnItsOwnOrigin() {
        URI location = get("mobilite.larochelle.fr", "/oauth2/authorization/larochelle")
                .getResponseHeaders()
                .getLocation();

        var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(query.getFirst("client_id")).isEqualTo("portal-larochelle");
        assertThat(decoded(query.getFirst("redirect_uri")))
                .isEqualTo("http://mobilite.larochelle.fr/login/oauth2/code/larochelle");
    }

    @Test
    void platformHostSignsInWithThePlatformConsoleClient() {
        URI location = get("localhost", "/oauth2/authorization/platform")
                .getResponseHeaders()
                .getLocation();

        assertThat(UriComponentsBuilder.fromUri(location)
                        .build()
                        .getQueryParams()
                        .getFirst("client_id"))
                .isEqualTo("platform-console");
    }

    @Test
    void anotherCitysSignInIsNotFoundOnThisHost() {
        expectProblem("larochelle.localhost", "/oauth2/authorization/lyon", 404, "not-found");
        expectProblem("larochelle.localhost", "/oauth2/authorization/platform", 404, "not-found");
        expectProblem("localhost", "/oauth2/authorization/larochelle", 404, "not-found");
        expectProblem("lyon.localhost", "/login/oauth2/code/larochelle", 404, "not-found");
    }

    @Test
    void loginOnAHostStartsThatHostsSignIn() {
        assertThat(get("lyon.localhost", "/login").getResponseHeaders().getLocation())
                .isEqualTo(URI.create("/oauth2/authorization/lyon"));
        assertThat(get("localhost", "/login").getResponseHeaders().getLocation())
                .isEqualTo(URI.create("/oauth2/authorization/platform"));
    }

    @Test
    void browserWithoutSessionOnTheCoordinatorApiIsSentToSignIn() {
        EntityExchangeResult<byte[]> result = client.get()
                .uri("/platform/tenants")
                .header(HttpHeaders.HOST, "localhost")
                .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML, MediaType.ALL)
                .exchange()
                .expectStatus()
                .isFound()
                .expectBody()
                .returnResult();

        assertThat(result.getResponseHeaders().getLocation()).isEqualTo(URI.create("/login"));
    }

    @Test
    void signInWhileKeycloakIsDownIsA503PageForBrowsersAndAProblemForApiClients() {
        keycloak.down(true);
        try {
            // a success is remembered for a few seconds
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> get("larochelle.localhost", "/oauth2/authorization/larochelle")
                                    .getStatus()
                                    .value()
                            == 503);
            String page = client.get()
                    .uri("/oauth2/authorization/larochelle")
                    .header(HttpHeaders.HOST, "larochelle.localhost")
                    .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML, MediaType.ALL)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(page).contains("<h1>Sign-in unavailable</h1>").doesNotContain("Exception");

            client.get()
                    .uri("/oauth2/authorization/larochelle")
                    .header(HttpHeaders.HOST, "larochelle.localhost")
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://selfdata.eu/problems/identity-unavailable");
        } finally {
            keycloak.down(false);
        }
    }

    @Test
    void crossOriginFormPostIsRefusedSameOriginPasses() {
        client.post()
                .uri("/api/consents")
                .header(HttpHeaders.HOST, "larochelle.localhost")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://selfdata.eu/problems/cross-origin-request");
        client.post()
                .uri("/api/consents")
                .header(HttpHeaders.HOST, "larochelle.localhost")
                .header("Sec-Fetch-Site", "cross-site")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .returnResult();

        client.post()
                .uri("/api/consents")
                .header(HttpHeaders.HOST, "larochelle.localhost")
                .header(HttpHeaders.ORIGIN, "http://larochelle.localhost")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
    }

    @Test
    void sessionCookieNeverReachesTheServicesOtherCookiesDo() {
        Echo echo = client.get()
                .uri("/")
                .header(HttpHeaders.HOST, "larochelle.localhost")
                .header(HttpHeaders.COOKIE, "theme=dark; SESSION=abc123; lang=fr")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Echo.class)
                .returnResult()
                .getResponseBody();

        assertThat(echo.header("Cookie")).containsExactly("theme=dark; lang=fr");
    }

    private EntityExchangeResult<byte[]> get(String host, String path) {
        return client.get()
                .uri(path)
                .header(HttpHeaders.HOST, host)
                .exchange()
                .expectBody()
                .returnResult();
    }

    private static String decoded(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
