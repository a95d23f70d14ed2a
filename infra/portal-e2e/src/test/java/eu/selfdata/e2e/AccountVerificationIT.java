package eu.selfdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.mailbox.Mail;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Rule 11 end to end, in French, with the real Keycloak and the run's mailbox: a person registers on La
 * Rochelle's portal, is signed in at once but cannot link a household bin; the verification mail, in La
 * Rochelle's name and colours, is in the mailbox; its link verifies the address, and from her next sign-in the
 * account counts: the same bin links.
 */
class AccountVerificationIT {

    private static final String PASSWORD = "Inscription-verifiee-2026";

    @Test
    void aNewAccountCountsOnlyOnceItsAddressIsVerifiedThroughTheCitysMail() throws InterruptedException {
        RunningPlatform platform = RunningPlatform.get();
        String home = platform.cityUrl("larochelle", "/");
        String email = "nouvelle." + UUID.randomUUID().toString().substring(0, 8) + "@tests.selfdata.eu";
        String bin = "LR-VERIF-" + System.nanoTime();
        try (Browser browser = new Browser("fr")) {
            register(browser, home, email);
            assertThat(browser.fetch("PUT", "/api/me/consents/waste-weighings-import", "{\"decision\":\"GIVEN\"}")
                            .status())
                    .isEqualTo(200);

            linkBin(browser, home, bin);
            assertThat(browser.find("#bin-error").getText()).contains("adresse e-mail est vérifiée");
            browser.screenshot("larochelle-bin-unverified");

            Mail mail = platform.mailbox().await(email, any -> true, Duration.ofSeconds(30));
            assertThat(mail.subject()).isEqualTo("La Rochelle : confirmez votre adresse e-mail");
            assertThat(mail.html()).contains("#00607a").contains("portail citoyen de La Rochelle");
            // opened outside the sign-in that asked for it, Keycloak asks to confirm once
            browser.open(mail.link("action-token").orElseThrow());
            assertThat(browser.text()).contains(email);
            browser.find("a[href*='action-token']").click();
            assertThat(browser.find("body").getText()).contains("Votre compte a été mis à jour");

            // the session's token predates the verification: the next sign-in carries it
            browser.signOut(home);
            browser.signIn(home, email, PASSWORD);
            linkBin(browser, home, bin);
            assertThat(browser.find("#linked-bins").getText()).contains(bin);
            assertThat(browser.driver().findElements(By.id("bin-error"))).isEmpty();
        }
    }

    private static void register(Browser browser, String home, String email) {
        browser.open(home + "login");
        browser.find("a[href*='login-actions/registration']").click();
        browser.find("#email").sendKeys(email);
        browser.find("#firstName").sendKeys("Nour");
        browser.find("#lastName").sendKeys("Verifiee");
        browser.find("#password").sendKeys(PASSWORD);
        browser.find("#password-confirm").sendKeys(PASSWORD + "\n");
        browser.find("#user-name");
    }

    private static void linkBin(Browser browser, String home, String bin) {
        browser.open(home + "my/waste");
        browser.find("#binId").sendKeys(bin);
        browser.find("#binId").submit();
    }
}
