package eu.selfdata.waste.weighing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.connectors.DeadLetters;
import eu.selfdata.usecase.api.AccessLog;
import eu.selfdata.usecase.api.CityScope;
import eu.selfdata.usecase.api.CityTransactions;
import eu.selfdata.waste.bin.BinLinks;
import eu.selfdata.waste.support.WasteConnectorTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** An operator's file over its row or byte cap is refused with the reason, and not one of its rows is stored. */
class WeighingLimitsTest extends WasteConnectorTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final WeighingCsv CSV = WeighingCsv.of("UTF-8", ",", "Europe/Paris");

    @Autowired
    CityTransactions jdbc;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    BinLinks links;

    @Autowired
    CityScope scope;

    @Autowired
    AccessLog log;

    @TempDir
    Path dir;

    @Test
    void aFileWithMoreRowsThanTheCapIsRefusedBeforeAnyRowIsWritten() throws IOException {
        String city = cities.onboard(freshCity("larochelle"));
        linkBin(city, "LR-0001");
        byte[] nineRows = WeighingsFolderTemplateTest.mixedFile("LR-0001");
        Path file = Files.write(dir.resolve("weighings.csv"), nineRows);

        assertThatThrownBy(() -> importer(new WeighingLimits(1_000_000, 8))
                        .importFile(city, source("weighings.csv"), CSV, PARIS, file))
                .isInstanceOf(WeighingCsv.MalformedFileException.class)
                .hasMessage("the file has 9 rows, more than the cap of 8 (selfdata.waste.weighings.max-rows)");
        assertNothingStored(city);

        assertThat(importer(new WeighingLimits(1_000_000, 9))
                        .importFile(city, source("weighings.csv"), CSV, PARIS, file)
                        .rows())
                .isEqualTo(9);
    }

    @Test
    void aFileLargerThanTheByteCapIsRefusedBeforeAnyRowIsWritten() throws IOException {
        String city = cities.onboard(freshCity("larochelle"));
        linkBin(city, "LR-0001");
        byte[] content = WeighingsFolderTemplateTest.mixedFile("LR-0001");
        Path file = Files.write(dir.resolve("big.csv"), content);

        assertThatThrownBy(() ->
                        importer(new WeighingLimits(200, 1_000)).importFile(city, source("big.csv"), CSV, PARIS, file))
                .isInstanceOf(WeighingCsv.MalformedFileException.class)
                .hasMessage("the file has " + content.length
                        + " bytes, more than the cap of 200 (selfdata.waste.weighings.max-file-bytes)");
        assertNothingStored(city);
    }

    private void assertNothingStored(String city) {
        assertThat(cities.count(city, "waste_weighing")).isZero();
        assertThat(cities.count(city, "waste_anonymous_tonnage")).isZero();
        assertThat(cities.count(city, "connector_dead_letter")).isZero();
    }

    private WeighingImport importer(WeighingLimits limits) {
        return new WeighingImport(jdbc, deadLetters, links, scope, log, limits);
    }

    private static WeighingImport.Source source(String name) {
        return new WeighingImport.Source(WeighingsFolderTemplate.ID, name, "sha256:" + name + "-" + System.nanoTime());
    }
}
