package eu.selfdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A citizen signs in on her city's host through the real Keycloak login page, as a browser does:
 * redirects followed, the form submitted, cookies kept per host.
 */
class BrowserLoginIT extends RunningKeycloakGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String laRochelle;
    private String lyon;

    @BeforeEach
    void origins() {
        laRochelle = gateway.origin("larochelle.localhost");
        lyon = gateway.origin("lyon.localhost");
    }

    @Test
    void citizenSignsInOnHerCityAndTheServiceReceivesHerAccessToken() {
        try (Browser browser = new Browser()) {
            Browser.Page home = signIn(browser, laRochelle, KeycloakGateway.LA_ROCHELLE_CITIZEN);

            assertThat(home.status()).isEqualTo(200);
            assertThat(home.uri()).isEqualTo(URI.create(laRochelle + "/"));
            String token = bearer(home);
            assertThat(token).isNotNull();
            assertThat(BearerTokenIT.claims(token))
                    .contains("\"organization\":[\"larochelle\"]")
                    .contains("\"selfdata-api\"");
            // the browser holds a session id on the city's host only, never a token
            assertThat(browser.cookie(authority(laRochelle), "SESSION")).isNotBlank();
            assertThat(echoedHeader(home, "cookie")).isNull();
            assertThat(echoedHeader(home, "x-tenant-id")).isEqualTo("larochelle");
        }
    }

    @Test
    void laRochelleSessionIsNotSignedInOnLyon() {
        try (Browser browser = new Browser()) {
            signIn(browser, laRochelle, KeycloakGateway.LA_ROCHELLE_CITIZEN);
            String session = browser.cookie(authority(laRochelle), "SESSION");

            // replayed by hand: a browser would never send this host-only cookie to Lyon
            browser.setCookie(authority(lyon), "SESSION", session);
            Browser.Page onLyon = browser.get(lyon + "/api/me");

            assertThat(onLyon.status()).isEqualTo(200);
            assertThat(bearer(onLyon)).isNull();
            assertThat(bearer(browser.get(laRochelle + "/api/me"))).isNotNull();
        }
    }

    @Test
    void logoutEndsTheSessionHereAndAtKeycloakThenComesBackHome() {
        try (Browser browser = new Browser()) {
            signIn(browser, laRochelle, KeycloakGateway.LA_ROCHELLE_CITIZEN);

            Browser.Page afterLogout = browser.post(laRochelle + "/logout", Map.of());

            assertThat(afterLogout.uri()).isEqualTo(URI.create(laRochelle + "/"));
            assertThat(bearer(afterLogout)).isNull();
            // Keycloak's session ended too: signing in again shows its login form
            Browser.Page again = browser.get(laRochelle + "/login");
            assertThat(again.uri().toString()).startsWith(gateway.keycloak().issuer());
            assertThat(again.document().select("input[name=username], input[name=password]"))
                    .isNotEmpty();
        }
    }

    @Test
    void citizenOfLyonCannotOpenASessionOnLaRochelle() {
        try (Browser browser = new Browser()) {
            Browser.Page refused = signIn(browser, laRochelle, KeycloakGateway.LYON_CITIZEN);

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("text/html");
            assertThat(refused.body()).contains("Wrong city");
            assertThat(bearer(browser.get(laRochelle + "/api/me"))).isNull();
        }
    }

    @Test
    void coordinatorSignsInOnThePlatformHostAndReachesTheCoordinatorApi() {
        try (Browser browser = new Browser()) {
            String platform = gateway.origin("localhost");
            Browser.Page loginPage = browser.get(platform + "/platform/tenants");
            Browser.Page api =
                    browser.signIn(loginPage, KeycloakGateway.COORDINATOR, KeycloakGateway.PASSWORD, uri -> false);

            // back on the page first asked for, with the coordinator's token relayed
            assertThat(api.uri()).isEqualTo(URI.create(platform + "/platform/tenants"));
            assertThat(BearerTokenIT.claims(bearer(api))).contains("\"platform-coordinator\"");
        }
    }

    private static Browser.Page signIn(Browser browser, String origin, String username) {
        Browser.Page loginPage = browser.get(origin + "/login");
        assertThat(loginPage.uri().toString())
                .startsWith(gateway.keycloak().issuer() + "/protocol/openid-connect/auth");
        return browser.signIn(loginPage, username, KeycloakGateway.PASSWORD, uri -> false);
    }

    /** The token the echoing service received, or null. */
    static String bearer(Browser.Page echo) {
        String authorization = echoedHeader(echo, "authorization");
        return authorization == null ? null : authorization.substring("Bearer ".length());
    }

    /** A request header as the echoing service received it, or null. */
    static String echoedHeader(Browser.Page echo, String name) {
        assertThat(echo.status()).as("echo of %s: %s", echo.uri(), echo.body()).isEqualTo(200);
        JsonNode values = JSON.readTree(echo.body()).path("headers").path(name);
        return values.isMissingNode() ? null : values.get(0).asString();
    }

    private static String authority(String origin) {
        return URI.create(origin).getAuthority();
    }
}
