package eu.selfdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * La Rochelle's citizen flow on Lyon's host, in English: every page it passes through is in Lyon's
 * colours and never shows a La Rochelle name, colour or datum (La Rochelle's citizen uploads the same
 * file in {@link LaRochelleCitizenIT}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LyonCitizenIT extends SignedInCitizen {

    private static final String LYON_RED = "rgba(200, 16, 46, 1)";

    LyonCitizenIT() {
        super("lyon", "en");
    }

    /** Whatever page a step ends on is Lyon's. */
    @AfterEach
    void thePageIsLyons() {
        assertThat(browser.find("#city-name").getText()).isEqualTo("Lyon");
        assertThat(browser.driver().findElement(By.cssSelector(".city-header")).getCssValue("background-color"))
                .isEqualTo(LYON_RED);
        assertThat(browser.driver().getPageSource())
                .doesNotContainIgnoringCase("rochelle")
                .doesNotContain("00607a");
    }

    @Test
    @Order(1)
    void aGpxUploadShowsOnlyLyonsOwnTripWithItsCo2() {
        browser.open(home);
        browser.find("nav.menu a[href='/my/mobility-carbon']").click();
        assertThat(browser.find("h1").getText()).isEqualTo("My mobility and carbon");
        assertThat(browser.driver().findElements(By.cssSelector(".trip")))
                .as("no trip before her own upload")
                .isEmpty();

        browser.find("#trace-file")
                .sendKeys(Path.of("src/test/resources/commute.gpx")
                        .toAbsolutePath()
                        .toString());
        browser.find("#upload button[type=submit]").click();

        assertThat(browser.find("#upload-result").getText()).contains("87 new points");
        List<WebElement> trips = browser.driver().findElements(By.cssSelector(".trip"));
        assertThat(trips).hasSize(1);
        assertThat(trips.getFirst().findElement(By.cssSelector(".mode")).getText())
                .isEqualTo("Walk");
        assertThat(trips.getFirst().findElement(By.cssSelector(".co2")).getText())
                .containsPattern("^0([.]0+)? ?(g|kg)");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("lyon-mobility");
    }

    @Test
    @Order(2)
    void aConsentIsGivenThenWithdrawn() {
        giveThenWithdrawTheFirstConsent("Given", "Withdrawn");
        browser.screenshot("lyon-consents-withdrawn");
    }

    @Test
    @Order(3)
    void theExportHoldsLyonsDataOnly() throws Exception {
        try (ZipFile archive = exportFromTheAccountPage()) {
            String manifest = new String(
                    archive.getInputStream(archive.getEntry("manifest.json")).readAllBytes());
            assertThat(manifest).contains(platform.slug("lyon")).doesNotContainIgnoringCase("rochelle");
            // her 87 points and no one else's: a header and 87 rows
            String points = new String(
                    archive.getInputStream(archive.getEntry("trace-points.csv")).readAllBytes());
            assertThat(points.lines()).hasSize(88);
        }
    }

    @Test
    @Order(4)
    void theAccountIsDeleted() {
        assertThat(deleteTheAccount()).contains("erased");
        browser.screenshot("lyon-account-deleted");
    }
}
