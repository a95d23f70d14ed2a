package eu.selfdata.gateway;

import static eu.selfdata.gateway.BrowserLoginIT.bearer;
import static eu.selfdata.gateway.BrowserLoginIT.echoedHeader;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A citizen registers on her city's portal through the gateway: {@code /login} on
 * larochelle.localhost, Keycloak's identity-first page, its "Register" link, the registration
 * form, then the redirects back through the gateway's callback to the city home, signed in. The
 * realm's {@code selfdata-city-membership} event listener makes her a member of La Rochelle (and of
 * no other city); her session is anonymous on lyon.localhost.
 */
class CitizenRegistrationIT extends RunningKeycloakGatewayTest {

    // meets the realm's policy: length(10) and notUsername and notEmail
    private static final String PASSWORD = "Registered-citizen-2026!";

    @Test
    void citizenRegistersLandsOnHerCityHomeSignedInAndHerSessionIsNotAcceptedOnLyon() {
        RealmAdmin realm = gateway.keycloak().admin();
        assertThat(realm.eventListeners())
                .as("the realm's listener that makes a registrant a member of the portal's city")
                .contains("selfdata-city-membership");
        String laRochelle = gateway.origin("larochelle.localhost");
        String lyon = gateway.origin("lyon.localhost");
        String email = "registrant+" + UUID.randomUUID().toString().substring(0, 8) + "@gateway-tests.example";

        try (Browser browser = new Browser()) {
            // identity-first: the first page asks for the e-mail address only, and offers "Register"
            Browser.Page loginPage = browser.get(laRochelle + "/login");
            assertThat(loginPage.uri().toString())
                    .startsWith(gateway.keycloak().issuer() + "/protocol/openid-connect/auth");
            assertThat(loginPage.uri().getQuery()).contains("client_id=portal-larochelle");
            Document login = loginPage.document();
            assertThat(login.select("input[name=username]")).isNotEmpty();
            assertThat(login.select("input[name=password]")).isEmpty();
            Element registerLink = login.selectFirst("a[href*=/login-actions/registration]");
            assertThat(registerLink).as("Register link on:\n%s", login.body()).isNotNull();

            Browser.Page registrationPage = browser.get(registerLink.absUrl("href"));
            Element form = registrationPage.document().selectFirst("form#kc-register-form");
            assertThat(form)
                    .as("registration form on:\n%s", registrationPage.body())
                    .isNotNull();
            Map<String, String> fields = new LinkedHashMap<>();
            form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
            assertThat(fields).as("e-mail as username: no username field").doesNotContainKey("username");
            fields.put("email", email);
            fields.put("firstName", "Camille");
            fields.put("lastName", "Inscrite");
            fields.put("password", PASSWORD);
            fields.put("password-confirm", PASSWORD);

            // Keycloak → gateway callback (code exchanged, session opened) → the city home
            Browser.Page home = browser.post(form.absUrl("action"), fields);

            assertThat(home.status()).as("%s: %s", home.uri(), home.body()).isEqualTo(200);
            assertThat(home.uri()).isEqualTo(URI.create(laRochelle + "/"));
            assertThat(echoedHeader(home, "x-tenant-id")).isEqualTo("larochelle");
            String token = bearer(home);
            assertThat(token)
                    .as("the city home receives the new citizen's access token")
                    .isNotNull();
            String claims = BearerTokenIT.claims(token);
            assertThat(claims)
                    .contains("\"organization\":[\"larochelle\"]")
                    .contains("\"preferred_username\":\"" + email + "\"")
                    .contains("\"azp\":\"portal-larochelle\"");

            // the same session cookie replayed on Lyon is anonymous there, still signed in at home
            String session = browser.cookie(URI.create(laRochelle).getAuthority(), "SESSION");
            assertThat(session).isNotBlank();
            browser.setCookie(URI.create(lyon).getAuthority(), "SESSION", session);
            Browser.Page onLyon = browser.get(lyon + "/");
            assertThat(echoedHeader(onLyon, "x-tenant-id")).isEqualTo("lyon");
            assertThat(bearer(onLyon)).isNull();
            assertThat(bearer(browser.get(laRochelle + "/"))).isNotNull();
        }

        String userId = realm.userId(email);
        assertThat(userId).isNotNull();
        assertThat(realm.organizationsOf(userId)).containsExactly("larochelle");
    }
}
