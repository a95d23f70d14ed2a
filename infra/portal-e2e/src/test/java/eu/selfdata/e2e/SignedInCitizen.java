package eu.selfdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.launcher.identity.DemoAccount;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * A new citizen of one city, signed in on its host in a browser of one language for a whole test
 * class (its steps may delete her account), and the steps every city's citizen goes through alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SignedInCitizen {

    private final String city;
    private final String language;
    protected RunningPlatform platform;
    protected DemoAccount citizen;
    protected Browser browser;
    protected String home;

    /** @param city the demo slug ({@code larochelle}, {@code lyon}) */
    SignedInCitizen(String city, String language) {
        this.city = city;
        this.language = language;
    }

    @BeforeAll
    void signIn() throws InterruptedException {
        platform = RunningPlatform.get();
        browser = new Browser(language);
        home = platform.cityUrl(city, "/");
        citizen = platform.newCitizen(city, "flow-" + getClass().getSimpleName().toLowerCase());
        browser.signIn(home, citizen.login(), citizen.password().orElseThrow());
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Gives the first purpose on the consents page, then withdraws it: a receipt each time. */
    void giveThenWithdrawTheFirstConsent(String given, String withdrawn) {
        browser.open(home + "my/consents");
        assertThat(browser.driver().findElements(By.cssSelector(".purpose")))
                .as("the purposes of the city's modules")
                .isNotEmpty();
        String id = browser.find(".purpose").getAttribute("id");
        browser.find("#" + id + " button.give").click();
        assertThat(browser.find("#" + id + " .state").getText()).isEqualTo(given);
        browser.find("#" + id + " button.withdraw").click();

        assertThat(browser.find("#" + id + " .state").getText()).isEqualTo(withdrawn);
        assertThat(browser.driver().findElements(By.cssSelector("#receipts tbody tr")))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    /** Downloads the export from the account page; the download then shows in the access log. */
    ZipFile exportFromTheAccountPage() throws Exception {
        browser.open(home + "my/account");
        browser.find("#export").click();
        ZipFile archive = new ZipFile(browser.awaitDownload(".zip").toFile());
        browser.open(home + "my/access-log");
        assertThat(browser.find("#access-log").getText()).contains("GDPR art. 20 export");
        return archive;
    }

    /** Deletes the account with the typed confirmation; returns the page's message. */
    String deleteTheAccount() {
        browser.open(home + "my/account");
        browser.find("#confirm").sendKeys("ERASE");
        browser.find("#delete-account button").click();
        return browser.find("#account-deleted").getText();
    }
}
