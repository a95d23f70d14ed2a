package eu.selfdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Camille of La Rochelle uses her portal in a real browser, from sign-in to deleting her account. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaRochelleCitizenIT extends SignedInCitizen {

    LaRochelleCitizenIT() {
        super("larochelle", "fr");
    }

    @Test
    @Order(1)
    void everyMainPageIsInFrenchAccessibleAndReachableFromTheMenu() {
        for (String page : List.of("profile", "consents", "access-log", "account")) {
            browser.open(home);
            browser.find("nav.menu a[href='/my/" + page + "']").click();

            assertThat(browser.driver().getCurrentUrl()).endsWith("/my/" + page);
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
            assertThat(browser.seriousAccessibilityViolations()).as(page).isEmpty();
            browser.screenshot("larochelle-" + page);
        }
        browser.open(home + "charter");
        assertThat(browser.find("#charter-version").getText()).contains("La Rochelle");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("larochelle-charter");
    }

    @Test
    @Order(2)
    void theLanguageSwitchesToEnglishAndStays() {
        browser.open(home + "my/profile");
        browser.find("#lang-switch").click();

        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(driver -> driver.getCurrentUrl().endsWith("?lang=en"));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        browser.open(home + "my/consents");
        assertThat(browser.find("h1").getText()).isEqualTo("My consents");
        browser.open(home + "my/consents?lang=fr");
        assertThat(browser.find("h1").getText()).isEqualTo("Mes consentements");
    }

    @Test
    @Order(3)
    void theProfileIsSavedFromTheKeyboard() {
        browser.open(home + "my/profile");
        WebElement name = browser.find("#displayName");
        name.clear();
        name.sendKeys("Camille R.");
        browser.find("#householdSize").clear();
        browser.find("#householdSize").sendKeys("3\n");

        assertThat(browser.find("#profile-saved").isDisplayed()).isTrue();
        assertThat(browser.find("#displayName").getAttribute("value")).isEqualTo("Camille R.");
        assertThat(browser.find("#householdSize").getAttribute("value")).isEqualTo("3");
    }

    @Test
    @Order(4)
    void aConsentIsGivenThenWithdrawnWithAReceiptEachTime() {
        giveThenWithdrawTheFirstConsent("Donné", "Retiré");
        browser.screenshot("larochelle-consents-withdrawn");
    }

    /** The module page at /my/mobility-carbon (README "Portal pages"): upload through the page's script, trip, CO2e, correction. */
    @Test
    @Order(5)
    void aGpxUploadShowsAWalkWithNoCo2AndCorrectingItsModeChangesTheCo2() {
        browser.open(home);
        browser.find("nav.menu a[href='/my/mobility-carbon']").click();
        assertThat(browser.find("h1").getText()).isEqualTo("Ma mobilité et mon carbone");
        browser.find("#trace-file")
                .sendKeys(Path.of("src/test/resources/commute.gpx")
                        .toAbsolutePath()
                        .toString());
        browser.find("#upload button[type=submit]").click();

        // the script sent the file with a progress bar, then reloaded the page with the upload's result
        assertThat(browser.find("#upload-result").getText()).contains("87 nouveaux points");
        WebElement trip = browser.find(".trip");
        assertThat(trip.findElement(By.cssSelector(".mode")).getText()).containsIgnoringCase("marche");
        assertThat(trip.findElement(By.cssSelector(".distance")).getText()).containsPattern("1[,.][12] km");
        assertThat(trip.findElement(By.cssSelector(".co2")).getText()).containsPattern("^0([,.]0+)? ?(g|kg)");
        assertThat(browser.find("#trip-map.leaflet-container path.leaflet-interactive")
                        .isDisplayed())
                .as("the trip drawn on the map")
                .isTrue();
        assertThat(browser.find("#co2-weeks tbody tr").getText()).contains("23 nov. 2026");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("larochelle-mobility");

        new Select(browser.find(".leg select[name=mode]")).selectByVisibleText("Voiture");
        browser.find(".leg form.correct-mode button").click();

        assertThat(browser.find("#correction-saved").isDisplayed()).isTrue();
        assertThat(browser.find(".leg .leg-mode").getText()).contains("Voiture").contains("corrigé par vous");
        assertThat(browser.find(".trip .mode").getText()).isEqualTo("Voiture");
        assertThat(browser.find(".trip .co2").getText())
                .as("a 1.2 km car leg emits CO2e")
                .containsPattern("^[1-9]\\d* g$");
        browser.screenshot("larochelle-mobility-corrected");
    }

    /** The upload's progress bar, with a file large enough to be sent in several steps; a refused file explained. */
    @Test
    @Order(6)
    void aLargeUploadShowsItsProgressAndARefusedFileItsReason() throws IOException {
        Path large = Files.createTempFile("long-walk", ".gpx");
        Path broken = Files.createTempFile("broken", ".gpx");
        try {
            Files.writeString(large, longWalk(20_000));
            Files.writeString(broken, "<gpx><trk><trkseg><trkpt lat=\"46\"");
            browser.open(home + "my/mobility-carbon");
            browser.find("#trace-file").sendKeys(large.toAbsolutePath().toString());
            // what the bar shows is noted across the reload that follows the upload
            ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "sessionStorage.removeItem('progressSeen');"
                                    + "const bar = document.getElementById('upload-progress');"
                                    + "setInterval(() => { if (!bar.closest('[hidden]')) sessionStorage.setItem('progressSeen', String(bar.value)); }, 5);");
            browser.find("#upload button[type=submit]").click();

            assertThat(browser.find("#upload-result").getText()).contains("20000 nouveaux points");
            assertThat(((JavascriptExecutor) browser.driver())
                            .executeScript("return sessionStorage.getItem('progressSeen');"))
                    .isEqualTo("100");

            browser.find("#trace-file").sendKeys(broken.toAbsolutePath().toString());
            browser.find("#upload button[type=submit]").click();
            assertThat(browser.find("#upload-error .problem-title").getText())
                    .isEqualTo("Le fichier ne se lit pas comme du GPX ou du GeoJSON");
            assertThat(browser.find("#upload-error .problem-detail").getText()).contains("XML");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.screenshot("larochelle-mobility-refused");
        } finally {
            Files.deleteIfExists(large);
            Files.deleteIfExists(broken);
        }
    }

    /** The waste page: summary, comparisons; linking a bin needs the import consent, given on the consents page as a citizen would. */
    @Test
    @Order(7)
    void theWastePageShowsTheSummaryAndABinIsLinkedAfterGivingItsConsent() throws Exception {
        browser.open(home);
        browser.find("nav.menu a[href='/my/waste']").click();
        assertThat(browser.find("#waste-summary").getText()).contains("Taux de tri");
        assertThat(browser.find("#national-source").getText()).contains("ADEME");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("larochelle-waste");

        browser.find("#bin-consent-missing a").click();
        browser.find("#purpose-waste-weighings-import button.give").click();
        assertThat(browser.find("#purpose-waste-weighings-import .state").getText())
                .isEqualTo("Donné");
        // the operator's file carries the bin's activation code, which the household got by letter
        platform.dropWeighings(
                "larochelle",
                "bin_id,timestamp,stream,weight_kg,round,activation_code\n"
                        + "LR-E2E-0001,2026-04-05T07:15:00+02:00,glass,1,R0,LRE2E-0001-CODE\n");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        do {
            browser.open(home + "my/waste");
            browser.find("#binId").sendKeys("LR-E2E-0001");
            browser.find("#activationCode").sendKeys("lre2e 0001 code");
            browser.find("#link-bin button[type=submit]").click();
            if (!browser.driver().findElements(By.id("bin-linked")).isEmpty()
                    || Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(1000); // the connector has not read the operator's file yet
        } while (true);

        assertThat(browser.find("#bin-linked").isDisplayed()).isTrue();
        assertThat(browser.find("#linked-bins").getText()).contains("LR-E2E-0001");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("larochelle-waste-bin-linked");
    }

    /**
     * Six months of her bin's weighings arrive from the operator's file: 10 kg then 8 kg of residual
     * waste a month, 4 kg of recyclables. Sorting rate 24 / 78 = 31 %; last 3 months 36 kg against 42 kg: -14 %.
     */
    @Test
    @Order(8)
    void herBinsWeighingsShowAsMonthsSortingRateAndTrend() throws Exception {
        StringBuilder csv = new StringBuilder("bin_id,timestamp,stream,weight_kg,round\n");
        for (int month = 5; month <= 10; month++) {
            String day = "2026-%02d-05T07:15:00+02:00".formatted(month);
            csv.append("LR-E2E-0001,")
                    .append(day)
                    .append(",residual,")
                    .append(month <= 7 ? "10" : "8")
                    .append(",R1\n");
            csv.append("LR-E2E-0001,").append(day).append(",recyclables,4,R2\n");
        }
        platform.dropWeighings("larochelle", csv.toString());

        browser.open(home + "my/waste");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (browser.driver()
                                .findElements(By.cssSelector("#waste-months tbody tr"))
                                .size()
                        < 6
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            browser.driver().navigate().refresh();
        }
        List<WebElement> months = browser.driver().findElements(By.cssSelector("#waste-months tbody tr"));
        assertThat(months).hasSize(6);
        assertThat(months.getFirst().getText())
                .startsWith("2026-05")
                .contains("10")
                .contains("14");
        assertThat(months.getLast().getText()).startsWith("2026-10").contains("12");
        assertThat(browser.find("#sorting-rate").getText()).containsPattern("^31\\D?%$");
        assertThat(browser.find("#trend").getText())
                .containsPattern("^[-\u2212]14 %")
                .contains("36")
                .contains("42");
        assertThat(browser.find("#waste-chart").isDisplayed()).isTrue();
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("larochelle-waste-months");
    }

    @Test
    @Order(9)
    void theExportIsAZipWithAManifestAndTheDownloadIsInTheAccessLog() throws Exception {
        try (ZipFile archive = exportFromTheAccountPage()) {
            List<String> names = Collections.list(archive.entries()).stream()
                    .map(ZipEntry::getName)
                    .toList();
            assertThat(names).contains("manifest.json");
            assertThat(new String(archive.getInputStream(archive.getEntry("manifest.json"))
                            .readAllBytes()))
                    .contains("larochelle")
                    .doesNotContainIgnoringCase("lyon");
        }
        browser.screenshot("larochelle-access-log");
    }

    @Test
    @Order(10)
    void theAccountIsDeletedOnlyAfterTypingTheConfirmation() {
        browser.open(home + "my/account");
        browser.find("#confirm").sendKeys("oui");
        browser.find("#delete-account button").click();
        assertThat(browser.find("#confirm-error").isDisplayed()).isTrue();
        assertThat(browser.find("#confirm").getAttribute("aria-invalid")).isEqualTo("true");

        browser.find("#confirm").sendKeys("ERASE");
        browser.find("#delete-account button").click();

        assertThat(browser.find("#account-deleted").getText()).contains("effacés");
        browser.screenshot("larochelle-account-deleted");
        browser.find("#sign-out button").click();
        browser.find("#sign-in"); // back on the portal once Keycloak ended its session too
        browser.open(home + "login");
        browser.find("input[name=username]").sendKeys(citizen.login() + "\n");
        // the account is gone: Keycloak answers on its login form, never back on the portal signed in
        browser.find("input[name=username], input[name=password]");
        assertThat(browser.driver().getCurrentUrl()).doesNotStartWith(home);
        assertThat(browser.driver().findElements(By.id("user-name")))
                .as("the identity account is gone")
                .isEmpty();
    }

    /** A walk north-east from the Vieux-Port at 1.4 m/s, one point a second, a week before commute.gpx. */
    private static String longWalk(int points) {
        StringBuilder gpx = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<gpx version=\"1.1\" creator=\"selfdata portal-e2e\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>\n");
        Instant start = Instant.parse("2026-11-16T06:00:00Z");
        double step = 1.4 / 111_195 / Math.sqrt(2);
        for (int i = 0; i < points; i++) {
            gpx.append(String.format(
                    java.util.Locale.ROOT,
                    "<trkpt lat=\"%.6f\" lon=\"%.6f\"><time>%s</time></trkpt>%n",
                    46.1591 + i * step,
                    -1.152 + i * step / Math.cos(Math.toRadians(46.16)),
                    start.plusSeconds(i)));
        }
        return gpx.append("</trkseg></trk></gpx>\n").toString();
    }
}
