package eu.selfdata.energywater.importing;

import static eu.selfdata.energywater.support.EnergyWaterCities.someone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.selfdata.energywater.EnergyWaterPurposes;
import eu.selfdata.energywater.meter.ImportConsentListener;
import eu.selfdata.energywater.meter.Meter;
import eu.selfdata.energywater.reading.BadReadingFile;
import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.energywater.support.EnergyWaterCities;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.ConsentChanged;
import eu.selfdata.usecase.api.ConsentState;
import eu.selfdata.usecase.api.limits.LimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/**
 * The committed sample files (see samples/README.md) imported into a household's meters: what they hold is what
 * is stored, a file sent twice adds nothing, and a refused file (bad row, another meter, too large, consent
 * withdrawn) leaves what was stored as it was.
 */
class ReadingImportTest {

    private final EnergyWaterCities fixture = new EnergyWaterCities();
    private final ReadingImport imports =
            new ReadingImport(fixture.cities, fixture.meters, fixture.alerts, new ImportLimits(1 << 20, 100_000));
    private String city;
    private CitizenId camille;

    @BeforeEach
    void aHousehold() {
        city = fixture.onboard("lyon");
        camille = someone();
    }

    @Test
    void aLoadCurveIsStoredStepByStepWithTheDaysItCompletesAndASecondImportAddsNothing() {
        Meter meter = fixture.meterOf(city, camille, Fluid.ELECTRICITY, "12345678901234");

        ImportReceipt first = importSample(meter, "enedis-curve-spring.csv");
        ImportReceipt again = importSample(meter, "enedis-curve-spring.csv");

        assertThat(again.curveSteps()).isEqualTo(first.curveSteps());
        assertThat(count("ew_curve")).isEqualTo(first.curveSteps());
        assertThat(count("ew_daily")).isEqualTo(first.days());
        // 29 March 2026 lasts 23 hours: 46 steps, step i at 1000 + i % 2 W for 30 minutes: 23 × 1000 + 23 × 0.5 Wh
        assertThat(wattHours(meter, LocalDate.of(2026, 3, 29))).isEqualTo(23_012L);
        assertThat(fixture.cities
                        .platform()
                        .sql(
                                "select count(*) from " + fixture.cities.table(city, "ew_curve")
                                        + " where (interval_end - interval '30 minutes') at time zone 'Europe/Paris' >= '2026-03-29'"
                                        + " and (interval_end - interval '30 minutes') at time zone 'Europe/Paris' < '2026-03-30'")
                        .query(Long.class)
                        .single())
                .isEqualTo(46);
        assertThat(count("ew_import")).isEqualTo(2);
    }

    @Test
    void theSameDaysInWhOrKwhAreTheSameRowsAndAMalformedFileChangesNothing() {
        Meter meter = fixture.meterOf(city, camille, Fluid.ELECTRICITY, "12345678901234");
        importSample(meter, "enedis-daily-wh.csv");
        ImportReceipt kwh = importSample(meter, "enedis-daily-kwh.csv");

        assertThat(kwh.days()).isEqualTo(10);
        assertThat(count("ew_daily")).isEqualTo(10);
        // day k (0 to 9) uses 8000 + 250 k Wh: 80 000 + 250 × 45
        assertThat(totalWattHours()).isEqualTo(91_250L);

        BadReadingFile malformed =
                catchThrowableOfType(BadReadingFile.class, () -> importSample(meter, "enedis-malformed-row.csv"));
        assertThat(malformed.line()).isEqualTo(8);
        BadReadingFile otherMeter =
                catchThrowableOfType(BadReadingFile.class, () -> importSample(meter, "enedis-other-prm.csv"));
        assertThat(otherMeter.line()).isEqualTo(2);
        assertThat(totalWattHours()).isEqualTo(91_250L);
        assertThat(count("ew_import")).isEqualTo(2);
    }

    @Test
    void gasAndWaterFilesNamingTheirMeterGoOnlyIntoThatMeter() {
        Meter gas = fixture.meterOf(city, camille, Fluid.GAS, "GI123456");
        Meter water = fixture.meterOf(city, camille, Fluid.WATER, "W123456");
        Meter otherGas = fixture.meterOf(city, camille, Fluid.GAS, "GI654321");
        Meter otherWater = fixture.meterOf(city, camille, Fluid.WATER, "W999999");

        assertThat(importSample(gas, "grdf-informative.ndjson").format()).isEqualTo("GRDF_ND_JSON");
        assertThat(importSample(water, "water-m3.json").format()).isEqualTo("WATER_JSON");
        // Worked out in the samples' README and the readers' tests: 99 504 Wh and 8 841 L of gas, 769 L of water.
        assertThat(sum(gas, "watt_hours")).isEqualTo(99_504L);
        assertThat(sum(gas, "litres")).isEqualTo(8_841L);
        assertThat(sum(water, "litres")).isEqualTo(769L);

        for (Meter wrong : java.util.List.of(otherGas, otherWater)) {
            BadReadingFile refused = catchThrowableOfType(
                    BadReadingFile.class,
                    () -> importSample(
                            wrong, wrong.fluid() == Fluid.GAS ? "grdf-informative.ndjson" : "water-m3.json"));
            assertThat(refused.getMessage()).contains("…").doesNotContain("123456");
            assertThat(sum(wrong, "litres")).isZero();
        }
        assertThat(importSample(otherWater, "water-litres.csv").format())
                .as("a CSV names no meter: the citizen chose which one it is")
                .isEqualTo("WATER_CSV");
    }

    @Test
    void aFileOverTheByteCapStoresNothing() {
        Meter meter = fixture.meterOf(city, camille, Fluid.ELECTRICITY, "12345678901234");
        ReadingImport capped =
                new ReadingImport(fixture.cities, fixture.meters, fixture.alerts, new ImportLimits(2_000, 100_000));

        assertThat(catchThrowableOfType(
                        LimitExceededException.class,
                        () -> fixture.cities.asCitizen(
                                city,
                                camille,
                                () -> capped.importFile(camille, meter.id(), sample("enedis-curve-spring.csv")))))
                .isNotNull();
        assertThat(count("ew_curve")).isZero();
        assertThat(count("ew_daily")).isZero();
    }

    @Test
    void nothingIsImportedOnceTheConsentIsWithdrawn() {
        Meter meter = fixture.meterOf(city, camille, Fluid.ELECTRICITY, "12345678901234");
        fixture.consents.withdraw(camille, EnergyWaterPurposes.IMPORT_ELECTRICITY);
        new ImportConsentListener(fixture.meters)
                .on(new ConsentChanged(city, camille, EnergyWaterPurposes.IMPORT_ELECTRICITY, ConsentState.WITHDRAWN));

        ErrorResponseException refused =
                catchThrowableOfType(ErrorResponseException.class, () -> importSample(meter, "enedis-daily-wh.csv"));

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(count("ew_daily")).isZero();
    }

    private ImportReceipt importSample(Meter meter, String name) {
        return fixture.cities.asCitizen(city, camille, () -> imports.importFile(camille, meter.id(), sample(name)));
    }

    private static InputStream sample(String name) {
        InputStream in = ReadingImportTest.class.getResourceAsStream("/samples/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no sample " + name));
        }
        return in;
    }

    private long count(String table) {
        return fixture.cities.count(city, table);
    }

    private long totalWattHours() {
        return fixture.cities
                .platform()
                .sql("select coalesce(sum(watt_hours), 0) from " + fixture.cities.table(city, "ew_daily"))
                .query(Long.class)
                .single();
    }

    private long wattHours(Meter meter, LocalDate day) {
        return fixture.cities
                .platform()
                .sql("select watt_hours from " + fixture.cities.table(city, "ew_daily")
                        + " where meter_id = ? and day = ?")
                .params(meter.id(), day)
                .query(Long.class)
                .single();
    }

    private long sum(Meter meter, String column) {
        return fixture.cities
                .platform()
                .sql("select coalesce(sum(" + column + "), 0) from " + fixture.cities.table(city, "ew_daily")
                        + " where meter_id = ?")
                .param(meter.id())
                .query(Long.class)
                .single();
    }
}
