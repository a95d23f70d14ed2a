package eu.selfdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.launcher.identity.DemoAccount;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** La Rochelle's first admin changes the city's colours and is refused bad colours and bad logos. */
class CityAdminConsoleIT {

    private static RunningPlatform platform;
    private static Browser browser;
    private static String home;

    @BeforeAll
    static void signIn() throws InterruptedException {
        platform = RunningPlatform.get();
        browser = new Browser("en");
        home = platform.cityUrl("larochelle", "/");
        DemoAccount admin = platform.account(DemoAccount.Kind.CITY_ADMIN, "larochelle");
        browser.signInFirstTime(home, admin.login(), admin.password().orElseThrow(), "Dominique");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void newColoursShowOnTheNextPageLoad() {
        browser.open(home);
        browser.find("#admin-link").click();
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("larochelle-admin");

        setColour("#primaryColor", "#1b4d3e");
        setColour("#secondaryColor", "#ffffff");
        browser.find("#branding button").click();
        assertThat(browser.find("#admin-saved").isDisplayed()).isTrue();

        browser.open(home);
        assertThat(browser.find(".city-header").getCssValue("background-color")).isEqualTo("rgba(27, 77, 62, 1)");
        browser.open(platform.cityUrl("lyon", "/"));
        assertThat(browser.find(".city-header").getCssValue("background-color"))
                .as("Lyon unchanged")
                .isEqualTo("rgba(200, 16, 46, 1)");
    }

    @Test
    void theCitysDefaultLanguageServesVisitorsWhoseBrowserAsksForAnother() {
        try (Browser visitor = new Browser("de")) {
            visitor.open(home);
            assertThat(visitor.find("html").getAttribute("lang"))
                    .as("La Rochelle's default")
                    .isEqualTo("fr");

            browser.open(home + "admin");
            new Select(browser.find("#defaultLanguage")).selectByValue("en");
            browser.find("#branding button").click();
            assertThat(browser.find("#admin-saved").isDisplayed()).isTrue();

            visitor.open(home);
            assertThat(visitor.find("html").getAttribute("lang")).isEqualTo("en");
            visitor.open(platform.cityUrl("lyon", "/"));
            assertThat(visitor.find("html").getAttribute("lang"))
                    .as("Lyon unchanged")
                    .isEqualTo("fr");
        }
    }

    @Test
    void coloursThatFailWcagAaContrastAreRefused() {
        browser.open(home + "admin");
        String before = browser.find("#primaryColor").getAttribute("value");
        setColour("#primaryColor", "#777777");
        setColour("#secondaryColor", "#888888");
        browser.find("#branding button").click();

        assertThat(browser.find("#admin-error").getText()).contains("1.").contains("4.5:1");
        browser.open(home + "admin");
        assertThat(browser.find("#primaryColor").getAttribute("value")).isEqualTo(before);
    }

    @Test
    void aTwentyMegabyteLogoIsRefused() throws IOException {
        Path big = Files.createTempFile("logo", ".png");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
            file.setLength(20L * 1024 * 1024);
        }
        browser.open(home + "admin");
        browser.find("#logo").sendKeys(big.toAbsolutePath().toString());
        browser.find("#logo-upload button").click();

        assertThat(browser.find("#admin-error").getText()).contains("512 KB");
        browser.open(home);
        assertThat(browser.driver().findElements(By.cssSelector(".city-header img.logo")))
                .isEmpty();
    }

    @Test
    void anSvgWithScriptIsRefusedEvenNamedPng() throws IOException {
        Path svg = Files.createTempFile("logo", ".png");
        Files.writeString(
                svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>");
        browser.open(home + "admin");
        browser.find("#logo").sendKeys(svg.toAbsolutePath().toString());
        browser.find("#logo-upload button").click();

        assertThat(browser.find("#admin-error").getText()).contains("SVG");
        browser.open(home);
        assertThat(browser.driver().findElements(By.cssSelector(".city-header img.logo")))
                .isEmpty();
    }

    @Test
    void aCitizenHasNoAdminConsole() throws InterruptedException {
        try (Browser citizen = new Browser("en")) {
            DemoAccount lyon = platform.account(DemoAccount.Kind.CITIZEN, "lyon");
            citizen.signIn(
                    platform.cityUrl("lyon", "/"), lyon.login(), lyon.password().orElseThrow());
            assertThat(citizen.driver().findElements(By.id("admin-link"))).isEmpty();
            citizen.open(platform.cityUrl("lyon", "/admin"));
            assertThat(citizen.text()).contains("403");
        }
    }

    @Test
    void badWeighingRowsBecomeDeadLettersRetriedCorrectedOrDiscarded_andTheDashboardShowsTheSmallGroupSuppressed()
            throws IOException, InterruptedException {
        // a citizen who consented links her bin, so the operator's weighings of it become hers
        String bin = "e2e-bin-" + System.nanoTime();
        try (Browser citizen = new Browser("en")) {
            DemoAccount weigher = platform.newCitizen("larochelle", "weigher");
            citizen.signIn(home, weigher.login(), weigher.password().orElseThrow());
            for (String purpose : List.of("waste-weighings-import", "waste-city-statistics")) {
                Browser.Fetched given = citizen.fetch("PUT", "/api/me/consents/" + purpose, "{\"decision\":\"GIVEN\"}");
                assertThat(given.status()).as(given.body()).isEqualTo(200);
            }
            Browser.Fetched linked = citizen.fetch("POST", "/api/waste/bins", "{\"binId\":\"" + bin + "\"}");
            assertThat(linked.status())
                    .as("pending without the operator's code: " + linked.body())
                    .isEqualTo(202);
        }
        // the city admin checks the household's proof and validates the link on her page
        browser.open(home + "my/waste/bin-claims");
        WebElement pending = browser.driver().findElements(By.cssSelector("#pending-links tr.pending")).stream()
                .filter(row -> row.getText().contains(bin))
                .findFirst()
                .orElseThrow();
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("admin-bin-claims");
        pending.findElement(By.cssSelector("button")).click();
        assertThat(browser.find("#claims-done").getText()).isNotBlank();
        // the operator drops a file with one good row and two bad ones in the city's folder
        String good = bin + ",2026-03-02T07:15:00+01:00,residual,12.5,R1";
        String negative = bin + ",2026-03-09T07:15:00+01:00,residual,-4,R1";
        String unknownStream = bin + ",2026-03-16T07:15:00+01:00,plasticz,3,R1";
        platform.dropWeighings(
                "larochelle",
                "bin_id,timestamp,stream,weight_kg,round\n" + good + "\n" + negative + "\n" + unknownStream + "\n");

        browser.open(home + "admin");
        browser.find("#admin-connectors-link").click();
        assertThat(browser.find("#connector-waste-weighings-csv .health").getText())
                .isIn("UP", "DEGRADED");
        assertThat(awaitDeadLetter(unknownStream)
                        .findElement(By.cssSelector(".reason"))
                        .getText())
                .contains("unknown stream");
        WebElement toCorrect = awaitDeadLetter(negative);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("larochelle-admin-connectors");

        WebElement record = toCorrect.findElement(By.tagName("textarea"));
        record.clear();
        record.sendKeys(negative.replace(",-4,", ",4,"));
        toCorrect.findElement(By.cssSelector("form.retry button")).click();
        assertThat(browser.find("#connectors-done").getText()).contains("taken in");
        assertThat(deadLetterOf(negative)).as("retried, no longer open").isEmpty();

        awaitDeadLetter(unknownStream)
                .findElement(By.cssSelector("form.discard button"))
                .click();
        assertThat(browser.find("#connectors-done").getText()).contains("discarded");
        assertThat(deadLetterOf(unknownStream)).as("discarded, no longer open").isEmpty();

        // one participant in March's residual group, and an account days old: it does not count towards k
        // (a padding account would not either), so the group shows no figure, never 0
        browser.find("#admin-dashboards-link").click();
        browser.find("#compute-now button").click();
        assertThat(browser.find("#dashboards-computed").isDisplayed()).isTrue();
        WebElement tonnage = browser.find("#indicator-waste-waste-tonnage-per-stream-month");
        List<WebElement> march = tonnage.findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.findElement(By.tagName("th")).getText().equals("2026-03 residual"))
                .toList();
        assertThat(march).allSatisfy(row -> {
            assertThat(row.getAttribute("class")).contains("suppressed");
            assertThat(row.findElements(By.cssSelector("td.value, td.participants")))
                    .as("no figure, not even 0")
                    .isEmpty();
        });
        assertThat(tonnage.getText()).doesNotContain("2026-03 residual 0");
        assertThat(browser.find("#privacy-budgets").getText()).contains("Tonnage per stream per month");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", tonnage);
        browser.screenshot("larochelle-admin-dashboards");
    }

    /** The open dead letter of this record, reloading the page while the connector has not read the file yet. */
    private static WebElement awaitDeadLetter(String record) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Optional<WebElement> letter = deadLetterOf(record);
            if (letter.isPresent()) {
                return letter.get();
            }
            Thread.sleep(1000);
            browser.driver().navigate().refresh();
        }
        throw new AssertionError("No open dead letter with " + record + " on:\n" + browser.text());
    }

    private static Optional<WebElement> deadLetterOf(String record) {
        browser.find("h1");
        return browser.driver().findElements(By.cssSelector("#dead-letters .dead-letter")).stream()
                .filter(letter ->
                        record.equals(letter.findElement(By.tagName("textarea")).getAttribute("value")))
                .findFirst();
    }

    private static void setColour(String css, String value) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].value = arguments[1]", browser.find(css), value);
    }
}
