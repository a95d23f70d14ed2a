package eu.selfdata.e2e;

import eu.selfdata.launcher.identity.DemoAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The coordinator onboards a city from the console and watches the saga's steps, then suspends and resumes it. */
class CoordinatorConsoleIT {

    private static RunningPlatform platform;
    private static Browser browser;

    @BeforeAll
    static void signIn() throws InterruptedException {
        platform = RunningPlatform.get();
        browser = new Browser("en");
        DemoAccount coordinator = platform.account(DemoAccount.Kind.COORDINATOR, null);
        browser.open(platform.platformUrl("/login"));
        browser.submitCredentials(coordinator.login(), coordinator.password().orElseThrow());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(driver -> driver.getCurrentUrl().startsWith(platform.platformUrl("/")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCityIsOnboardedWithLiveStepsThenSuspendedAndResumed() {
        browser.open(platform.platformUrl("/platform/console"));
        assertThat(browser.find("#city-" + platform.slug("larochelle") + " .status").getText()).isEqualTo("ACTIVE");
        assertThat(browser.find("#city-" + platform.slug("lyon") + " .health").getText()).isEqualTo("healthy");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("console-cities");

        browser.find("#slug").sendKeys(platform.slug("bordeaux"));
        browser.find("#displayName").sendKeys("Bordeaux");
        browser.find("#adminEmail").sendKeys("admin." + platform.slug("bordeaux") + "@demo.selfdata.eu");
        browser.find("#onboard button").click();

        browser.find("#status"); // on the city's page (else the failure shows the console's answer)
        // the page is not reloaded: htmx polls the steps until the saga is done
        new WebDriverWait(browser.driver(), Duration.ofSeconds(90))
                .until(driver -> "ACTIVE".equals(driver.findElement(By.id("status")).getText()));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/platform/console/" + platform.slug("bordeaux"));
        assertThat(browser.driver().findElements(By.cssSelector("#onboarding-steps .step")))
                .isNotEmpty().allSatisfy(step -> assertThat(step.getAttribute("class")).contains("DONE"));
        browser.screenshot("console-onboarded");

        browser.find("#suspend button").click();
        assertThat(browser.find("#status").getText()).isEqualTo("SUSPENDED");
        browser.open(platform.cityUrl("bordeaux", "/"));
        assertThat(browser.text()).contains("423");

        browser.open(platform.platformUrl("/platform/console/" + platform.slug("bordeaux")));
        browser.find("#resume button").click();
        assertThat(browser.find("#status").getText()).isEqualTo("ACTIVE");
        browser.open(platform.cityUrl("bordeaux", "/"));
        assertThat(browser.find("#city-name").getText()).isEqualTo("Bordeaux");
    }
}
