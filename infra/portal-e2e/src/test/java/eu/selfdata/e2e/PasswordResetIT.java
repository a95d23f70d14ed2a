package eu.selfdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.launcher.identity.DemoAccount;
import eu.selfdata.mailbox.Mail;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A Lyon citizen who forgot her password, in a French browser: "forgot password" on Lyon's sign-in page, the
 * mail in Lyon's name and colours, its link, a new password, and she is back on Lyon's portal signed in; the old
 * password no longer works, the new one does.
 */
class PasswordResetIT {

    @Test
    void aCitizenResetsHerForgottenPasswordThroughTheMailInHerCitysName() throws InterruptedException {
        RunningPlatform platform = RunningPlatform.get();
        String home = platform.cityUrl("lyon", "/");
        DemoAccount citizen = platform.newCitizen("lyon", "oublieuse");
        String newPassword = "Nouveau-secret-" + System.nanoTime();
        try (Browser browser = new Browser("fr")) {
            browser.open(home + "login");
            browser.find("input[name=username]").sendKeys(citizen.login() + "\n");
            browser.find("a[href*='reset-credentials']").click();
            // Keycloak fills the name typed on the sign-in page in already
            browser.find("input[name=username]").clear();
            browser.find("input[name=username]").sendKeys(citizen.login() + "\n");
            assertThat(browser.find("body").getText()).contains("Vous devriez recevoir rapidement un courriel");

            Mail mail = platform.mailbox()
                    .await(citizen.login(), m -> m.subject().contains("mot de passe"), Duration.ofSeconds(30));
            assertThat(mail.subject()).isEqualTo("Lyon : réinitialisez votre mot de passe");
            assertThat(mail.html()).contains("#c8102e");
            browser.open(mail.link("action-token").orElseThrow());
            browser.find("input[name=password-new]").sendKeys(newPassword);
            browser.find("input[name=password-confirm]").sendKeys(newPassword + "\n");
            assertThat(browser.find("#user-name").getText()).isNotBlank();
            assertThat(browser.driver().getCurrentUrl()).startsWith(home);
            browser.screenshot("lyon-after-password-reset");

            browser.signOut(home);
            browser.open(home + "login");
            browser.submitCredentials(citizen.login(), citizen.password().orElseThrow());
            browser.find("input[name=password]");
            assertThat(browser.driver().getCurrentUrl())
                    .as("the old password is refused: still on Keycloak's page")
                    .contains("/realms/");
            browser.signIn(home, citizen.login(), newPassword);
        }
    }
}
