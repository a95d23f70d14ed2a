package eu.selfdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Google Takeout file imported from the mobility page through the gateway, in French: the page's
 * script sends it by tus in pieces, the import runs in the background, the page shows it running
 * after a reload, then what was kept.
 */
class TakeoutImportIT extends SignedInCitizen {

    TakeoutImportIT() {
        super("larochelle", "fr");
    }

    @Test
    void aTakeoutFileIsSentInPiecesAndItsImportShowsAcrossReloadsUntilDone() throws IOException {
        Path file = Files.createTempFile("Records", ".json");
        try {
            int points = records(file, 100_000);
            assertThat(Files.size(file)).as("more than one 8 MiB piece").isGreaterThan(8L * 1024 * 1024);
            browser.open(home + "my/mobility-carbon");
            browser.find("#takeout-file").sendKeys(file.toAbsolutePath().toString());
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('keep-from').value = '2025-01-06';");
            browser.find("#takeout button[type=submit]").click();

            // the script reloads the page once the import is started: the row is there, running or done
            browser.find("#takeout-imports tr.takeout-import");
            browser.open(home + "my/mobility-carbon");
            assertThat(browser.find("#takeout-imports tr.takeout-import .import-status")
                            .getText())
                    .isIn("En attente", "En cours", "Terminé");
            new WebDriverWait(browser.driver(), Duration.ofMinutes(3)).until(driver -> {
                driver.navigate().refresh();
                return driver.findElement(By.cssSelector("#takeout-imports tr.takeout-import .import-status"))
                        .getText()
                        .equals("Terminé");
            });

            assertThat(browser.find("#takeout-imports tr.takeout-import .import-kept")
                            .getText())
                    .isEqualTo(String.valueOf(points));
            assertThat(browser.find("#takeout-imports tr.takeout-import .import-not-kept")
                            .getText())
                    .startsWith("0 hors de la période");
            assertThat(browser.driver().findElements(By.cssSelector(".trip"))).isNotEmpty();
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.screenshot("larochelle-takeout-done");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A Records.json of {@code count} fixes 10 s apart from 2025-01-06: an hour walking east, an hour still, over and over. */
    private static int records(Path file, int count) throws IOException {
        long time = Instant.parse("2025-01-06T08:00:00Z").toEpochMilli();
        long lat = 461_558_000;
        long lon = -11_532_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"locations\":[\n");
            for (int i = 0; i < count; i++) {
                boolean walking = (i / 360) % 2 == 0;
                lon += walking ? (i / 720) % 2 == 0 ? 1800 : -1800 : 0;
                out.write((i > 0 ? ",\n" : "") + "{\"latitudeE7\":" + lat + ",\"longitudeE7\":" + lon
                        + ",\"accuracy\":8,\"velocity\":"
                        + (walking ? 1 : 0) + ",\"activity\":[{\"timestamp\":\"" + Instant.ofEpochMilli(time)
                        + "\",\"activity\":[{\"type\":\""
                        + (walking ? "WALKING" : "STILL")
                        + "\",\"confidence\":80}]}],\"source\":\"GPS\",\"timestamp\":\""
                        + Instant.ofEpochMilli(time) + "\"}");
                time += 10_000;
            }
            out.write("\n]}\n");
        }
        return count;
    }
}
