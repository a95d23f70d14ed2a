package eu.selfdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.launcher.identity.DemoAccount;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A coordinator starts a pilot in La Rochelle; a resident finds it on "pilots I can vote on" (French
 * portal, governance's fragment in the portal's layout), joins its citizen panel and votes to stop it,
 * once. The threshold is not reached, so the module stays on for the other tests.
 */
class CitizenPilotsIT {

    @Test
    void aResidentJoinsThePanelAndVotesToStopAPilotOnce() throws InterruptedException {
        RunningPlatform platform = RunningPlatform.get();
        String title = "Bacs connectés " + System.nanoTime();
        try (Browser coordinator = new Browser("en")) {
            DemoAccount account = platform.coordinator();
            platform.allowConsoleSignIn();
            coordinator.open(platform.platformUrl("/login"));
            coordinator.submitCredentials(account.login(), account.password().orElseThrow());
            new WebDriverWait(coordinator.driver(), Duration.ofSeconds(15))
                    .until(driver -> driver.getCurrentUrl().startsWith(platform.platformUrl("/")));
            coordinator.open(platform.platformUrl("/governance/console/pilots"));
            assertThat(coordinator
                            .fetch("POST", "/governance/partners/sync", null)
                            .status())
                    .isEqualTo(200);
            coordinator.open(platform.platformUrl("/governance/console/pilots"));
            new Select(coordinator.find("#city")).selectByValue(platform.slug("larochelle"));
            coordinator.find("#module").sendKeys("waste");
            coordinator.find("#title").sendKeys(title);
            WebElement threshold = coordinator.find("#stopVotesRequired");
            threshold.clear();
            threshold.sendKeys("3");
            coordinator.find("#start-pilot button").click();
            assertThat(coordinator.find("#pilots").getText()).contains(title);
        }

        try (Browser resident = new Browser("fr")) {
            DemoAccount voter = platform.newCitizen("larochelle", "voter");
            resident.signIn(
                    platform.cityUrl("larochelle", "/"),
                    voter.login(),
                    voter.password().orElseThrow());
            resident.find("#pilots-link").click();
            WebElement pilot = pilotTitled(resident, title);
            assertThat(pilot.findElement(By.cssSelector(".votes")).getText())
                    .startsWith("0 des 3 votes d'arrêt nécessaires");
            assertThat(resident.seriousAccessibilityViolations()).isEmpty();
            resident.screenshot("larochelle-pilots");

            pilot.findElement(By.cssSelector("form.join button")).click();
            assertThat(resident.find("#pilots-message").getText()).contains("rejoint le panel");
            pilot = pilotTitled(resident, title);
            assertThat(pilot.findElement(By.cssSelector(".votes")).getText()).contains("1 habitants dans le panel");

            pilot.findElement(By.cssSelector("form.vote button")).click();
            // htmx swaps the list in place: wait for the new message, not the one already there
            new WebDriverWait(resident.driver(), Duration.ofSeconds(15))
                    .ignoring(StaleElementReferenceException.class)
                    .until(driver -> driver.findElement(By.id("pilots-message"))
                            .getText()
                            .contains("compté"));
            pilot = pilotTitled(resident, title);
            assertThat(pilot.findElement(By.cssSelector(".votes")).getText()).startsWith("1 des 3 votes");
            assertThat(pilot.findElement(By.cssSelector(".voted")).getText()).contains("Vous avez voté");
            assertThat(pilot.findElements(By.cssSelector("form.vote, form.join")))
                    .as("one vote each")
                    .isEmpty();
            resident.screenshot("larochelle-pilots-voted");

            // a reload shows the same: the vote is recorded, not just on screen
            resident.driver().navigate().refresh();
            assertThat(pilotTitled(resident, title)
                            .findElement(By.cssSelector(".voted"))
                            .isDisplayed())
                    .isTrue();
        }
    }

    private static WebElement pilotTitled(Browser browser, String title) {
        browser.find("#pilot-list");
        return browser.driver().findElements(By.cssSelector("#pilot-list article.pilot")).stream()
                .filter(article ->
                        article.findElement(By.tagName("h2")).getText().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No pilot " + title + " on:\n" + browser.text()));
    }
}
