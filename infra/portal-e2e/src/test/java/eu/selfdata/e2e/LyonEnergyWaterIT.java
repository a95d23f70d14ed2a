package eu.selfdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A Lyon household in French, after Ecolyo: consents to import its electricity meter, links it, sends the file
 * Enedis let it download, and sees the month priced and counted; every page accessible.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LyonEnergyWaterIT extends SignedInCitizen {

    private static final String PRM = "30001234567890";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    LyonEnergyWaterIT() {
        super("lyon", "fr");
    }

    @Test
    @Order(1)
    void withoutConsentThePageExplainsWhatLinkingAMeterNeeds() {
        browser.open(home);
        browser.find("nav.menu a[href='/my/energy-water']").click();

        assertThat(browser.find("h1").getText()).isEqualTo("Mon énergie et mon eau");
        assertThat(browser.find("#no-readings").getText()).contains("reliez un compteur");
        assertThat(browser.find("#consents-needed").getText()).contains("compteur d'électricité");
        assertThat(browser.driver().findElements(By.id("link-meter"))).isEmpty();
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    @Order(2)
    void sheConsentsLinksHerMeterAndSendsHerEnedisFile() throws Exception {
        browser.open(home + "my/consents");
        browser.find("#purpose-energy-water-electricity-import button.give").click();
        assertThat(browser.find("#purpose-energy-water-electricity-import .state")
                        .getText())
                .isEqualTo("Donné");

        browser.open(home + "my/energy-water");
        new Select(browser.find("#fluid")).selectByValue("ELECTRICITY");
        browser.find("#identifier").sendKeys("3000 1234 5678 90");
        browser.find("#link-meter button[type=submit]").click();
        assertThat(browser.find("#meter-linked").getText()).contains("Compteur relié");
        WebElement meter = browser.find("#linked-meters .meter");
        assertThat(meter.getText()).contains(PRM, "actif");

        meter.findElement(By.cssSelector("input[type=file]"))
                .sendKeys(lastWeekOfEnedis().toAbsolutePath().toString());
        browser.find("#linked-meters .meter button.upload").click();

        assertThat(browser.find("#file-imported").getText()).contains("3 jours");
        List<WebElement> months = browser.driver().findElements(By.cssSelector("#ew-months tbody tr"));
        assertThat(months).hasSize(12);
        // 9 + 10.5 + 12 kWh at 0.1940 €/kWh: 6.111 €, shown with a decimal comma
        assertThat(months.stream().map(WebElement::getText).toList())
                .anySatisfy(row -> assertThat(row).contains("31,5", "6,11"));
        assertThat(browser.find("#ew-prices").getText()).contains("ADEME", "CRE");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("lyon-energy-water");
    }

    @Test
    @Order(3)
    void aFileForAnotherMeterIsRefusedAndNothingChanges() throws Exception {
        browser.open(home + "my/energy-water");
        Path other = Files.writeString(
                Files.createTempFile("other-meter", ".csv"),
                enedis("98765432109876", List.of("2026-01-10T00:00:00+01:00;99999")),
                StandardCharsets.UTF_8);
        browser.find("#linked-meters .meter input[type=file]").sendKeys(other.toString());
        browser.find("#linked-meters .meter button.upload").click();

        assertThat(browser.find("#upload-error").getText()).contains("un autre compteur");
        assertThat(browser.find("#linked-meters .meter .days").getText()).startsWith("3 jours");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    @Order(4)
    void aWaterDayAboveHerThresholdShowsALeakAlertUntilSheMarksItSeen() throws Exception {
        browser.open(home + "my/consents");
        browser.find("#purpose-energy-water-water-import button.give").click();
        browser.open(home + "my/energy-water");
        browser.find("#litresPerDay").sendKeys("180");
        browser.find("#water-threshold button[type=submit]").click();
        assertThat(browser.find("#threshold-set").getText()).contains("Seuil enregistré");

        new Select(browser.find("#fluid")).selectByValue("WATER");
        browser.find("#identifier").sendKeys("W-778899");
        browser.find("#link-meter button[type=submit]").click();
        LocalDate day = LocalDate.now(PARIS).minusMonths(1).withDayOfMonth(15);
        Path week = Files.writeString(
                Files.createTempFile("water", ".csv"),
                "Date;Consommation (litres)\n" + day + ";120\n" + day.plusDays(1) + ";260\n",
                StandardCharsets.UTF_8);
        WebElement water = browser.driver().findElements(By.cssSelector("#linked-meters .meter")).stream()
                .filter(row -> row.getText().contains("W-778899"))
                .findFirst()
                .orElseThrow();
        water.findElement(By.cssSelector("input[type=file]")).sendKeys(week.toString());
        water.findElement(By.cssSelector("button.upload")).click();

        assertThat(browser.find("#leak-alerts").getText())
                .contains("Fuite possible : 260 litres", day.plusDays(1).toString());
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("lyon-energy-water-leak");
        browser.find("#leak-alerts button.seen").click();
        assertThat(browser.driver().findElements(By.id("leak-alerts"))).isEmpty();
    }

    /** The 10th to the 12th of last month (one month, always among the page's twelve), in Wh, as Enedis exports them. */
    private static Path lastWeekOfEnedis() throws Exception {
        LocalDate first = LocalDate.now(PARIS).minusMonths(1).withDayOfMonth(10);
        List<Long> wattHours = List.of(9_000L, 10_500L, 12_000L);
        List<String> rows = IntStream.range(0, 3)
                .mapToObj(i -> first.plusDays(i).atStartOfDay(PARIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        + ";" + wattHours.get(i))
                .toList();
        return Files.writeString(Files.createTempFile("enedis", ".csv"), enedis(PRM, rows), StandardCharsets.UTF_8);
    }

    private static String enedis(String prm, List<String> rows) {
        return "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite;Pas en minutes\n"
                + prm
                + ";Consommation journalière;01/01/2026;01/12/2026;Energie active;Consommation;Comptage Brut;Wh;\n"
                + "Horodate;Valeur\n"
                + String.join("\n", rows) + "\n";
    }
}
