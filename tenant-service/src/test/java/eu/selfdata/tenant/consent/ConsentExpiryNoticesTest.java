package eu.selfdata.tenant.consent;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.mailbox.Mail;
import eu.selfdata.mailbox.Mailbox;
import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.testmodule.ObservationsModule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notices by mail in the citizen's language: a consent about to expire (once per decision, with the link that renews
 * it, in the access log as "platform → you"), none for a citizen who turned optional notices off, and the erasure's
 * confirmation, which is always sent.
 */
class ConsentExpiryNoticesTest extends SelfDataTest {

    @Autowired
    ConsentExpiryNotices expiryNotices;

    @Test
    void aConsentAboutToExpireIsToldOnceWithItsRenewalLinkAndARenewalMayBeToldAgain() {
        Mailbox mailbox = identities.mailbox();
        String city = cityWithObservations("expiry", "Expiréville");
        String name = person("camille");
        String camille = identities.citizenToken(city, name);
        assertThat(client.cityAs(camille, city, "PUT", "/api/me", Map.of("language", "fr"))
                        .status())
                .isEqualTo(200);
        giveConsent(camille, city);
        expireSoon(city);

        expiryNotices.checkEveryCity();
        expiryNotices.checkEveryCity();

        String address = name + "@" + city + ".tests.selfdata.eu";
        Mail notice = mailbox.await(address, any -> true, Duration.ofSeconds(10));
        assertThat(mailbox.mailsTo(address)).as("told once").hasSize(1);
        assertThat(notice.language()).isEqualTo("fr");
        assertThat(notice.subject())
                .startsWith("Expiréville : votre consentement « ")
                .contains(" » expire le ");
        assertThat(notice.link("/my/consents#purpose-" + ObservationsModule.PURPOSE))
                .isPresent();
        assertThat(client.cityAs(camille, city, "GET", "/api/me/access-log", null)
                        .body())
                .contains("platform → you (mail)");

        giveConsent(camille, city);
        expireSoon(city);
        expiryNotices.checkEveryCity();
        mailbox.await(address, mail -> mail.number() > notice.number(), Duration.ofSeconds(10));
    }

    @Test
    void aCitizenWhoTurnedNoticesOffIsNotToldButHerErasureIsAlwaysConfirmed() {
        Mailbox mailbox = identities.mailbox();
        String city = cityWithObservations("quiet", "Quietville");
        String name = person("lea");
        String lea = identities.citizenToken(city, name);
        assertThat(client.cityAs(lea, city, "PUT", "/api/me", Map.of("language", "en", "optionalNotices", false))
                        .status())
                .isEqualTo(200);
        giveConsent(lea, city);
        expireSoon(city);

        expiryNotices.checkEveryCity();
        ServiceClient.Response erased = client.cityAs(lea, city, "DELETE", "/api/me", Map.of("confirm", "ERASE"));

        assertThat(erased.status()).as(erased.body()).isEqualTo(202);
        String address = name + "@" + city + ".tests.selfdata.eu";
        Mail confirmation = mailbox.await(address, any -> true, Duration.ofSeconds(10));
        assertThat(confirmation.subject()).isEqualTo("Quietville: your account is erased");
        assertThat(mailbox.mailsTo(address))
                .as("no optional notice, only the confirmation")
                .hasSize(1);
    }

    private void expireSoon(String city) {
        database()
                .sql("update " + schema(city)
                        + ".consent set expires_at = now() + interval '3 days' where state = 'GIVEN'")
                .update();
    }
}
