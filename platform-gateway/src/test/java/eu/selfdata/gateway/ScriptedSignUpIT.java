package eu.selfdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Scripted sign-ups go to the identity server directly, never through the gateway: the realm's registration form
 * (keycloak-extensions' {@code LimitedRegistrationUserCreation}) limits them per city portal and client address.
 * 50 sign-ups from one address on one city stop at that city's limit; the same address still registers on another
 * city, and the gateway still serves every city at once.
 */
class ScriptedSignUpIT extends RunningKeycloakGatewayTest {

    private static final String PASSWORD = "Scripted-signup-2026!";
    private static final int LIMIT = 5;

    @Test
    void fiftyScriptedSignUpsFromOneAddressStopAtTheCitysLimitAndNothingSlowsDownForOtherCities() {
        RealmAdmin realm = gateway.keycloak().admin();
        String flooded = "flood-" + UUID.randomUUID().toString().substring(0, 8);
        String calm = "calm-" + UUID.randomUUID().toString().substring(0, 8);
        realm.ensureCity(flooded, gateway.origin(flooded + ".localhost"));
        realm.ensureCity(calm, gateway.origin(calm + ".localhost"));
        realm.setClientAttribute("portal-" + flooded, "selfdata.registrationsPerHour", String.valueOf(LIMIT));

        int accepted = 0;
        int refused = 0;
        for (int signUp = 0; signUp < 50; signUp++) {
            switch (signUp(flooded)) {
                case ACCEPTED -> accepted++;
                case REFUSED -> refused++;
            }
        }

        assertThat(accepted).isEqualTo(LIMIT);
        assertThat(refused).isEqualTo(50 - LIMIT);
        Instant before = Instant.now();
        assertThat(signUp(calm)).as("another city's portal, same address").isEqualTo(Outcome.ACCEPTED);
        try (Browser browser = new Browser()) {
            assertThat(browser.get(gateway.origin("lyon.localhost") + "/").status())
                    .isEqualTo(200);
        }
        assertThat(Duration.between(before, Instant.now()))
                .as("no waiting imposed on other cities")
                .isLessThan(Duration.ofSeconds(20));
    }

    enum Outcome {
        ACCEPTED,
        REFUSED
    }

    /** One scripted registration on the city's portal client, straight at the identity server. */
    private Outcome signUp(String city) {
        String redirect = gateway.origin(city + ".localhost") + "/login/oauth2/code/" + city;
        String authorize = gateway.keycloak().issuer() + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + encode("portal-" + city) + "&redirect_uri=" + encode(redirect) + "&state=s"
                + UUID.randomUUID()
                + "&code_challenge=" + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" + "&code_challenge_method=S256";
        try (Browser browser = new Browser()) {
            Element register = browser.get(authorize).document().selectFirst("a[href*=/login-actions/registration]");
            assertThat(register).as("the Register link").isNotNull();
            Element form = browser.get(register.absUrl("href")).document().selectFirst("form#kc-register-form");
            assertThat(form).as("the registration form").isNotNull();
            Map<String, String> fields = new LinkedHashMap<>();
            form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
            fields.put("email", "scripted+" + UUID.randomUUID().toString().substring(0, 12) + "@gateway-tests.example");
            fields.put("firstName", "Script");
            fields.put("lastName", "Bot");
            fields.put("password", PASSWORD);
            fields.put("password-confirm", PASSWORD);
            Browser.Page answer = browser.postUntil(
                    form.absUrl("action"), fields, uri -> uri.toString().startsWith(redirect));
            if (answer.uri().toString().startsWith(redirect)
                    && answer.uri().getQuery().contains("code=")) {
                return Outcome.ACCEPTED;
            }
            assertThat(answer.body()).as("the refusal names the limit").contains("Too many accounts");
            return Outcome.REFUSED;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
