package eu.selfdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.launcher.identity.DemoAccount;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Lyon's first admin edits the city's connector settings in French, in the form the console builds
 * from the settings' types: a folder leaving the city is refused with its reason and changes
 * nothing, valid values are kept, a password is never shown back.
 */
class ConnectorSettingsIT {

    private static RunningPlatform platform;
    private static Browser browser;
    private static String connectors;

    @BeforeAll
    static void signIn() throws InterruptedException {
        platform = RunningPlatform.get();
        browser = new Browser("fr");
        String home = platform.cityUrl("lyon", "/");
        DemoAccount admin = platform.account(DemoAccount.Kind.CITY_ADMIN, "lyon");
        browser.signInFirstTime(home, admin.login(), admin.password().orElseThrow(), "Camille");
        connectors = home + "admin/connectors";
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aFolderLeavingTheCityIsRefusedWithItsRuleAndNothingChanges() {
        browser.open(connectors);
        WebElement form = browser.find("#settings-waste-weighings-csv");
        WebElement folder = form.findElement(By.name("setting.folder"));
        String before = folder.getAttribute("value");
        String escape = "../" + platform.slug("larochelle") + "/waste-weighings";
        folder.clear();
        folder.sendKeys(escape);
        form.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(browser.find("#connectors-error").getText())
                .contains("Le réglage « folder » a été refusé")
                .contains("Rien n'a été modifié");
        WebElement refused = browser.find("#setting-waste-weighings-csv-folder");
        assertThat(refused.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(refused.getAttribute("value"))
                .as("what the admin typed is kept to correct it")
                .isEqualTo(escape);
        assertThat(browser.find("#setting-waste-weighings-csv-folder-rule").getText())
                .contains("dossier relatif", "sans ..");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("lyon-admin-connector-refused");

        browser.open(connectors);
        assertThat(browser.find("#setting-waste-weighings-csv-folder").getAttribute("value"))
                .as("nothing saved")
                .isEqualTo(before);
    }

    @Test
    void validSettingsAreSavedAndTheFolderIsMadeInsideTheCitysOwn() {
        browser.open(connectors);
        WebElement form = browser.find("#settings-waste-weighings-csv");
        WebElement folder = form.findElement(By.name("setting.folder"));
        folder.clear();
        folder.sendKeys("operateur/pesees");
        new Select(form.findElement(By.name("setting.delimiter"))).selectByValue(";");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(browser.find("#connectors-done").getText()).contains("Les réglages ont été enregistrés");
        assertThat(browser.find("#setting-waste-weighings-csv-folder").getAttribute("value"))
                .isEqualTo("operateur/pesees");
        assertThat(new Select(browser.find("#setting-waste-weighings-csv-delimiter"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo(";");
        assertThat(Files.isDirectory(platform.connectorFolder("lyon", "operateur/pesees/inbox")))
                .isTrue();
    }

    @Test
    void aPasswordIsNeverShownBack() {
        String password = "pw-" + UUID.randomUUID();
        browser.open(connectors);
        WebElement form = browser.find("#settings-waste-weighings-sftp");
        assertThat(form.findElement(By.name("setting.password")).getAttribute("placeholder"))
                .isEqualTo("non défini");
        form.findElement(By.name("setting.password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.find("#connectors-done").getText()).contains("Les réglages ont été enregistrés");

        browser.open(connectors);
        WebElement saved = browser.find("#setting-waste-weighings-sftp-password");
        assertThat(saved.getAttribute("type")).isEqualTo("password");
        assertThat(saved.getAttribute("value")).isEmpty();
        assertThat(saved.getAttribute("placeholder")).startsWith("défini");
        assertThat(browser.driver().getPageSource()).doesNotContain(password);
        Browser.Fetched api = browser.fetch("GET", "/api/connectors", null);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).doesNotContain(password).contains("\"secretSet\":true");
    }
}
