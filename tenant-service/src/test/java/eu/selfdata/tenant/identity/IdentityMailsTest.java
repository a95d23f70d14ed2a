package eu.selfdata.tenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.mailbox.Mail;
import eu.selfdata.mailbox.Mailbox;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The mails tenant-service asks the real Keycloak for, read in this JVM's mailbox: the first admin's invitation
 * at onboarding (and again on request), a citizen's verification mail when her unverified account opens (and
 * again on request, not too often), each in the city's name and only in her own city.
 */
class IdentityMailsTest extends TenantServiceTest {

    @Test
    void theFirstAdminIsInvitedByMailInTheCitysNameAndTheCoordinatorMayInviteAgain() {
        Mailbox mailbox = identities.mailbox();
        String slug = freshSlug("invited");
        String admin = "mairie@" + slug + ".example.org";
        Map<String, Object> request = new HashMap<>(cityRequest(slug, "Invitée"));
        request.put("adminEmail", admin);
        assertThat(client.platform("POST", "/platform/tenants", request).status())
                .isEqualTo(202);
        awaitStatus(slug, "ACTIVE");

        Mail invitation = mailbox.await(admin, any -> true, Duration.ofSeconds(30));
        assertThat(invitation.subject()).isEqualTo("Invitée : activez votre compte");
        assertThat(invitation.html()).contains("#00607a");
        assertThat(invitation.link("action-token")).isPresent();

        assertThat(client.platform("POST", "/platform/tenants/" + slug + "/admin-invitation", null)
                        .status())
                .isEqualTo(202);
        mailbox.await(admin, mail -> mail.number() > invitation.number(), Duration.ofSeconds(30));
        assertThat(client.cityAs(
                                identities.coordinatorToken(),
                                slug,
                                "POST",
                                "/platform/tenants/" + slug + "/admin-invitation",
                                null)
                        .status())
                .as("the coordinator API is not on a city's host")
                .isEqualTo(404);
        assertThat(client.platformAs(
                                identities.cityAdminToken(slug),
                                "POST",
                                "/platform/tenants/" + slug + "/admin-invitation",
                                null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anUnverifiedCitizenIsMailedTheVerificationLinkOnceInHerCitysNameAndMayAskAgainLater() {
        Mailbox mailbox = identities.mailbox();
        String city = onboard(freshSlug("verif"), "Vérifiée");
        String other = onboard(freshSlug("other"), "Autre");
        String name = "nouvelle-" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@" + city + ".tests.selfdata.eu";
        String token = identities.unverifiedCitizenToken(city, name);

        assertThat(client.cityAs(token, city, "GET", "/api/me", null).status()).isEqualTo(200);
        Mail mail = mailbox.await(email, any -> true, Duration.ofSeconds(30));
        assertThat(mail.subject()).isEqualTo("Vérifiée : confirmez votre adresse e-mail");
        assertThat(mail.link("action-token")).isPresent();

        ServiceClient.Response tooSoon = client.cityAs(token, city, "POST", "/api/me/email-verification", null);
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.problemType()).isEqualTo("too-many-requests");
        ServiceClient.Response elsewhere = client.cityAs(token, other, "POST", "/api/me/email-verification", null);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.problemType()).isEqualTo("wrong-city");
        assertThat(client.city(city, "POST", "/api/me/email-verification", null).status())
                .isEqualTo(401);

        identities.verifyEmail(email);
        ServiceClient.Response verified =
                client.cityAs(identities.citizenToken(city, name), city, "POST", "/api/me/email-verification", null);
        assertThat(verified.status()).isEqualTo(409);
        assertThat(verified.problemType()).isEqualTo("already-verified");
        assertThat(mailbox.mailsTo(email)).as("one mail only").hasSize(1);
    }
}
