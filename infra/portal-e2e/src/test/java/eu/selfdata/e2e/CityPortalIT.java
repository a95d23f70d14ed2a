package eu.selfdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.launcher.identity.DemoAccount;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Each city's portal on its own host, in its colours, and accessible. */
class CityPortalIT {

    private static RunningPlatform platform;
    private static Browser browser;

    @BeforeAll
    static void start() throws InterruptedException {
        platform = RunningPlatform.get();
        browser = new Browser("fr");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void lyonsHostShowsLyonsColoursAndNeverLaRochelle() {
        browser.open(platform.cityUrl("lyon", "/"));

        assertThat(browser.find("#city-name").getText()).isEqualTo("Lyon");
        assertThat(browser.driver().findElement(By.cssSelector(".city-header")).getCssValue("background-color"))
                .isEqualTo("rgba(200, 16, 46, 1)");
        assertThat(browser.driver().getPageSource())
                .doesNotContainIgnoringCase("rochelle")
                .doesNotContain("00607a");
        browser.screenshot("lyon-home");
    }

    @Test
    void laRochellesHomeHasNoSeriousAccessibilityViolation() {
        browser.open(platform.cityUrl("larochelle", "/"));

        assertThat(browser.find("#city-name").getText()).isEqualTo("La Rochelle");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("larochelle-home");
    }

    @Test
    void theKeyboardReachesTheContentFirstWithAVisibleFocus() {
        browser.open(platform.cityUrl("larochelle", "/"));

        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement skip = browser.driver().switchTo().activeElement();
        assertThat(skip.getAttribute("class")).isEqualTo("skip");
        // hidden off-screen until focused, then shown with the focus ring
        assertThat(skip.getLocation().getX()).isGreaterThanOrEqualTo(0);
        assertThat(skip.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(skip.getCssValue("outline-width")).isEqualTo("3px");

        skip.sendKeys(Keys.ENTER);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                .isEqualTo("content");
        new Actions(browser.driver())
                .keyDown(Keys.SHIFT)
                .sendKeys(Keys.TAB)
                .keyUp(Keys.SHIFT)
                .perform();
        WebElement lastMenuLink = browser.driver().switchTo().activeElement();
        assertThat(lastMenuLink.getAttribute("href")).endsWith("/charter");
        assertThat(lastMenuLink.getCssValue("outline-style")).isEqualTo("solid");
    }

    @Test
    void aLyonCitizenSeesOnlyLyonOnEveryPage() {
        DemoAccount camille = platform.account(DemoAccount.Kind.CITIZEN, "lyon");
        try (Browser own = new Browser("en")) {
            own.signIn(
                    platform.cityUrl("lyon", "/"),
                    camille.login(),
                    camille.password().orElseThrow());

            for (String page : List.of(
                    "/",
                    "/my/profile",
                    "/my/consents",
                    "/my/mobility-carbon",
                    "/my/waste",
                    "/my/access-log",
                    "/my/account",
                    "/charter")) {
                own.open(platform.cityUrl("lyon", page));
                assertThat(own.find("#city-name").getText()).as(page).isEqualTo("Lyon");
                assertThat(own.find("html").getAttribute("lang")).as(page).isEqualTo("en");
                assertThat(own.driver().getPageSource())
                        .as(page)
                        .doesNotContainIgnoringCase("rochelle")
                        .doesNotContain("00607a");
            }
            own.screenshot("lyon-signed-in");
        }
    }
}
