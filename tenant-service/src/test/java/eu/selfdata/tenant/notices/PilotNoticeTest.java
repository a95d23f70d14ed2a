package eu.selfdata.tenant.notices;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.mailbox.Mail;
import eu.selfdata.mailbox.Mailbox;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notice governance asks for when a pilot stops: each panel member of the city mailed in their own language,
 * unless they turned optional notices off, each mail in their access log as "platform → you"; subjects of another
 * city are never mailed through this city.
 */
class PilotNoticeTest extends TenantServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void panelMembersAreMailedInTheirLanguageUnlessTheyTurnedNoticesOffAndSeeTheMailInTheirAccessLog() {
        Mailbox mailbox = identities.mailbox();
        String city = onboard(freshSlug("notice"), "Noticeville");
        String camille = citizen(city, "camille", Map.of("language", "fr"));
        String noah = citizen(city, "noah", Map.of("language", "en"));
        String lea = citizen(city, "lea", Map.of("language", "fr", "optionalNotices", false));

        ServiceClient.Response told = client.platform(
                "POST",
                "/platform/tenants/" + city + "/notices/pilot-stopped",
                Map.of(
                        "subjects",
                        List.of(subject(camille), subject(noah), subject(lea)),
                        "title",
                        "Compteurs malins",
                        "module",
                        "energy"));

        assertThat(told.status()).as(told.body()).isEqualTo(200);
        assertThat(told.json().path("SENT").asInt()).isEqualTo(2);
        assertThat(told.json().path("TURNED_OFF").asInt()).isEqualTo(1);
        Mail french = mailbox.await("camille@" + city + ".tests.selfdata.eu", any -> true, Duration.ofSeconds(10));
        Mail english = mailbox.await("noah@" + city + ".tests.selfdata.eu", any -> true, Duration.ofSeconds(10));
        assertThat(french.subject())
                .isEqualTo("Noticeville : le panel d'habitants a arrêté l'expérimentation « Compteurs malins »");
        assertThat(french.language()).isEqualTo("fr");
        assertThat(french.text()).contains("http://" + city + ".localhost:8080/my/profile");
        assertThat(english.subject())
                .isEqualTo("Noticeville: the citizen panel stopped the pilot \"Compteurs malins\"");
        assertThat(mailbox.mailsTo("lea@" + city + ".tests.selfdata.eu")).isEmpty();

        String log =
                client.cityAs(camille, city, "GET", "/api/me/access-log", null).body();
        assertThat(log).contains("platform → you (mail)", "PLATFORM", "vous a écrit : " + french.subject());
        assertThat(client.cityAs(lea, city, "GET", "/api/me/access-log", null).body())
                .doesNotContain("PLATFORM");
        assertThat(client.cityAs(lea, city, "GET", "/api/me", null)
                        .json()
                        .path("optionalNotices")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void subjectsOfAnotherCityAreNeverMailedThroughThisOne() {
        Mailbox mailbox = identities.mailbox();
        String larochelle = onboard(freshSlug("lr"), "La Rochelle");
        String lyon = onboard(freshSlug("ly"), "Lyon");
        String rochelaise = citizen(larochelle, "ines", Map.of("language", "fr"));

        ServiceClient.Response throughLyon = client.platform(
                "POST",
                "/platform/tenants/" + lyon + "/notices/pilot-stopped",
                Map.of("subjects", List.of(subject(rochelaise)), "title", "Pilote", "module", "energy"));

        assertThat(throughLyon.status()).as(throughLyon.body()).isEqualTo(200);
        assertThat(throughLyon.json().path("NO_ACCOUNT").asInt()).isEqualTo(1);
        assertThat(throughLyon.json().has("SENT")).isFalse();
        assertThat(mailbox.mailsTo("ines@" + larochelle + ".tests.selfdata.eu")).isEmpty();
    }

    @Test
    void onlyTheCoordinatorAsksOnThePlatformHostAndBadRequestsAreRefused() {
        String city = onboard(freshSlug("guard"), "Guard");
        Map<String, Object> notice = Map.of("subjects", List.of("x"), "title", "Pilot", "module", "energy");

        assertThat(client.platformAs(
                                identities.cityAdminToken(city),
                                "POST",
                                "/platform/tenants/" + city + "/notices/pilot-stopped",
                                notice)
                        .status())
                .isEqualTo(403);
        assertThat(client.cityAs(
                                identities.coordinatorToken(),
                                city,
                                "POST",
                                "/platform/tenants/" + city + "/notices/pilot-stopped",
                                notice)
                        .status())
                .isEqualTo(404);
        assertThat(client.platform(
                                "POST",
                                "/platform/tenants/" + city + "/notices/pilot-stopped",
                                Map.of("subjects", List.of("x"), "title", "Pilot", "module", "../etc"))
                        .status())
                .isEqualTo(400);
        assertThat(client.platform("POST", "/platform/tenants/no-such-city/notices/pilot-stopped", notice)
                        .status())
                .isEqualTo(404);
    }

    /** A citizen with an account in the city and the given profile. */
    private String citizen(String city, String name, Map<String, Object> profile) {
        String token = identities.citizenToken(city, name);
        ServiceClient.Response saved = client.cityAs(token, city, "PUT", "/api/me", profile);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return token;
    }

    private static String subject(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(payload).path("sub").asString();
    }
}
