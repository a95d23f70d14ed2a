package eu.selfdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.launcher.identity.DemoAccount;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coordinator console: onboarding a city with the saga's steps refreshed live, suspend and resume,
 * usage per city, and governance's views (roles, budget with statements, motions, pilots).
 */
class CoordinatorConsoleIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningPlatform platform;
    private static Browser browser;

    @BeforeAll
    static void signIn() throws InterruptedException {
        platform = RunningPlatform.get();
        browser = new Browser("en");
        DemoAccount coordinator = platform.coordinator();
        platform.allowConsoleSignIn();
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
        assertThat(browser.find("#city-" + platform.slug("larochelle") + " .status")
                        .getText())
                .isEqualTo("ACTIVE");
        assertThat(browser.find("#city-" + platform.slug("lyon") + " .health").getText())
                .isEqualTo("healthy");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("console-cities");

        browser.find("#slug").sendKeys(platform.slug("bordeaux"));
        browser.find("#displayName").sendKeys("Bordeaux");
        browser.find("#adminEmail").sendKeys("admin." + platform.slug("bordeaux") + "@demo.selfdata.eu");
        browser.find("#onboard button").click();

        browser.find("#status"); // on the city's page (else the failure shows the console's answer)
        // the page is not reloaded: htmx polls the steps until the saga is done
        awaitStatus("ACTIVE", Duration.ofSeconds(90));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/platform/console/" + platform.slug("bordeaux"));
        // the steps' fragment may be swapped once more by the last poll: read it again when it is
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    List<WebElement> steps = driver.findElements(By.cssSelector("#onboarding-steps .step"));
                    return !steps.isEmpty()
                            && steps.stream()
                                    .allMatch(step -> step.getAttribute("class").contains("DONE"));
                });
        browser.screenshot("console-onboarded");

        clickStable("#suspend button");
        awaitStatus("SUSPENDED", Duration.ofSeconds(10));
        // the gateway learns of the suspension at its next directory refresh (every few seconds)
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .pollingEvery(Duration.ofSeconds(1))
                .until(driver -> {
                    driver.get(platform.cityUrl("bordeaux", "/"));
                    return browser.text().contains("423");
                });

        browser.open(platform.platformUrl("/platform/console/" + platform.slug("bordeaux")));
        clickStable("#resume button");
        awaitStatus("ACTIVE", Duration.ofSeconds(10));
        // the gateway learns of the resumption at its next directory refresh (every few seconds)
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .pollingEvery(Duration.ofSeconds(1))
                .until(driver -> {
                    driver.get(platform.cityUrl("bordeaux", "/"));
                    return !driver.findElements(By.id("city-name")).isEmpty();
                });
        assertThat(browser.find("#city-name").getText()).isEqualTo("Bordeaux");
    }

    @Test
    void usagePerCityIsShown() throws InterruptedException {
        // only authenticated calls are metered: a citizen of La Rochelle makes one
        try (Browser citizen = new Browser("en")) {
            DemoAccount metered = platform.newCitizen("larochelle", "metered");
            citizen.signIn(
                    platform.cityUrl("larochelle", "/"),
                    metered.login(),
                    metered.password().orElseThrow());
            assertThat(citizen.fetch("GET", "/api/me", null).status()).isEqualTo(200);
        }
        browser.open(platform.platformUrl("/platform/console"));
        browser.find("#usage-link").click();
        // counts reach the usage table at the next flush (selfdata.usage.flush-interval, 10 s)
        new WebDriverWait(browser.driver(), Duration.ofSeconds(40))
                .pollingEvery(Duration.ofSeconds(2))
                .until(driver -> {
                    driver.navigate().refresh();
                    return Long.parseLong(driver.findElement(
                                            By.cssSelector("#usage-" + platform.slug("larochelle") + " .api-calls"))
                                    .getText())
                            > 0;
                });
        WebElement laRochelle = browser.find("#usage-" + platform.slug("larochelle"));
        assertThat(Long.parseLong(laRochelle
                        .findElement(By.cssSelector(".stored-bytes"))
                        .getText()
                        .replace(",", "")))
                .isPositive();
        assertThat(laRochelle.findElement(By.cssSelector(".active-citizens")).getText())
                .matches("\\d+");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("console-usage");
    }

    @Test
    void governanceViewsShowRolesBudgetWithStatementsMotionsAndPilots() {
        browser.open(platform.platformUrl("/platform/console"));
        assertThat(browser.fetch("POST", "/governance/partners/sync", null).status())
                .isEqualTo(200);
        String laRochelle = partnerId(platform.slug("larochelle"));
        Browser.Fetched lead = browser.fetch(
                "POST", "/governance/roles/LEAD_COORDINATOR/holders", "{\"partnerId\":\"" + laRochelle + "\"}");
        assertThat(lead.status()).as(lead.body()).isIn(201, 409);

        browser.find("#governance-link").click();
        assertThat(browser.find("#role-LEAD_COORDINATOR .holders").getText()).contains("La Rochelle");
        assertThat(browser.driver().findElements(By.cssSelector("#roles tbody tr")))
                .hasSize(6);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("console-governance-roles");

        // a period with one line of 100.00 euros shared equally: the partners' totals add up to it
        Browser.Fetched period = browser.fetch(
                "POST",
                "/governance/periods",
                "{\"name\":\"E2E " + System.nanoTime() + "\",\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-12-31\"}");
        assertThat(period.status()).as(period.body()).isEqualTo(201);
        String periodId = field(period.body(), "id");
        Browser.Fetched line = browser.fetch(
                "POST",
                "/governance/periods/" + periodId + "/lines",
                "{\"category\":\"infrastructure\",\"label\":\"Hosting\",\"amountCents\":10000,\"key\":{\"basis\":\"EQUAL\"}}");
        assertThat(line.status()).as(line.body()).isEqualTo(201);
        browser.find("#budget-link").click();
        WebElement shown = browser.find("#period-" + periodId);
        long totalCents = shown.findElements(By.cssSelector("td.total")).stream()
                .mapToLong(cell -> Math.round(Double.parseDouble(cell.getText()) * 100))
                .sum();
        assertThat(totalCents).isEqualTo(10000);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("console-governance-budget");
        String csvLink = shown.findElement(By.cssSelector("a.statement-csv")).getAttribute("href");
        Browser.Fetched csv = browser.fetch("GET", csvLink, null);
        assertThat(csv.body()).startsWith("period,partner,category,label,key,line_amount_eur,share_eur");
        shown.findElement(By.cssSelector("a.statement-html")).click();
        assertThat(browser.find("h1").getText()).startsWith("Cost-sharing statement");
        browser.driver().navigate().back();

        Browser.Fetched motion = browser.fetch(
                "POST", "/governance/motions", "{\"kind\":\"OTHER\",\"title\":\"Adopt the digital mediation plan\"}");
        assertThat(motion.status()).as(motion.body()).isEqualTo(201);
        String motionId = field(motion.body(), "id");
        assertThat(browser.fetch("POST", "/governance/motions/" + motionId + "/close", null)
                        .status())
                .isEqualTo(200);
        browser.find("#motions-link").click();
        assertThat(browser.find("#motion-" + motionId + " .status").getText()).isIn("ADOPTED", "REJECTED");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("console-governance-motions");

        browser.find("#pilots-link").click();
        String title = "Smart bins " + System.nanoTime();
        new Select(browser.find("#city")).selectByValue(platform.slug("lyon"));
        browser.find("#module").sendKeys("waste");
        browser.find("#title").sendKeys(title);
        WebElement threshold = browser.find("#stopVotesRequired");
        threshold.clear();
        threshold.sendKeys("4");
        browser.find("#start-pilot button").click();
        // the form posts, then the console reloads with the new pilot
        WebElement pilot = new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(driver -> driver.findElements(By.cssSelector("#pilots tbody tr")).stream()
                        .filter(row ->
                                row.findElement(By.tagName("th")).getText().equals(title))
                        .findFirst()
                        .orElse(null));
        assertThat(pilot.findElement(By.cssSelector(".status")).getText()).isEqualTo("RUNNING");
        assertThat(pilot.findElement(By.cssSelector(".stop-votes")).getText()).isEqualTo("0 / 4");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("console-governance-pilots");
    }

    private static String partnerId(String citySlug) {
        Browser.Fetched partners = browser.fetch("GET", "/governance/partners", null);
        assertThat(partners.status()).as(partners.body()).isEqualTo(200);
        for (JsonNode partner : JSON.readTree(partners.body())) {
            if (citySlug.equals(partner.path("citySlug").asString())) {
                return partner.path("id").asString();
            }
        }
        throw new AssertionError("No partner " + citySlug + " in " + partners.body());
    }

    private static String field(String json, String name) {
        return JSON.readTree(json).path(name).asString();
    }

    @Test
    void theConsoleAndGovernancesViewsSpeakFrenchOnceChosen() {
        browser.open(platform.platformUrl("/platform/console?lang=fr"));
        assertThat(browser.find("h1").getText()).isEqualTo("Villes");
        assertThat(browser.find("#onboard button").getText()).isEqualTo("Intégrer");
        assertThat(browser.find("#city-" + platform.slug("lyon") + " .health").getText())
                .isEqualTo("sans erreur");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("console-cities-fr");

        // governance reads the choice the portal keeps in its cookie on the same host
        browser.open(platform.platformUrl("/governance/console/pilots"));
        assertThat(browser.find("h1").getText()).isEqualTo("Expérimentations");
        assertThat(browser.find("#start-pilot button").getText()).isEqualTo("Lancer");
        assertThat(browser.find("label[for=accountBeforeStart]").getText())
                .isEqualTo("un compte créé avant le lancement");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("console-pilots-fr");
        browser.open(platform.platformUrl("/governance/console/roles"));
        assertThat(browser.find("#roles caption").getText()).startsWith("Rôles du consortium");
        browser.open(platform.platformUrl("/platform/console?lang=en"));
        assertThat(browser.find("h1").getText()).isEqualTo("Cities");
    }

    @Test
    void problemTitlesFollowTheBrowsersLanguage() {
        try (Browser french = new Browser("fr")) {
            french.open("http://atlantis-" + System.nanoTime() + ".localhost:"
                    + java.net.URI.create(platform.platformUrl("/")).getPort() + "/");
            assertThat(french.text()).contains("404").contains("Ville inconnue");
            french.screenshot("problem-fr");
        }
    }

    /** The city's status as the page shows it; htmx may swap the element between a find and a read. */
    private void awaitStatus(String expected, Duration within) {
        new WebDriverWait(browser.driver(), within)
                .ignoring(StaleElementReferenceException.class)
                .until(driver ->
                        expected.equals(driver.findElement(By.id("status")).getText()));
    }

    /** Clicks what the selector names, found again if a poll swapped it meanwhile. */
    private void clickStable(String selector) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    driver.findElement(By.cssSelector(selector)).click();
                    return true;
                });
    }
}
