package eu.selfdata.energywater.reading;

import static eu.selfdata.energywater.reading.Files.assertRefused;
import static eu.selfdata.energywater.reading.Files.sample;
import static eu.selfdata.energywater.reading.Files.text;
import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.energywater.reading.WaterDaily.Format;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A water operator's days, from the committed samples (the same week four ways) and from rows written here. */
class WaterDailyTest {

    private final Collected sink = new Collected();

    private WaterFile read(String name) {
        return Files.readSample(name, in -> WaterDaily.read(in, Format.detect(in), 100, sink));
    }

    @ParameterizedTest
    @ValueSource(strings = {"water-m3.csv", "water-litres.csv", "water-m3.json", "water-litres.json"})
    void eachSampleGivesTheSameWeekInLitres(String name) {
        WaterFile file = read(name);

        assertThat(file.unit()).isEqualTo(name.contains("m3") ? VolumeUnit.CUBIC_METRES : VolumeUnit.LITRES);
        assertThat(file.firstDay()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(file.lastDay()).isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(sink.daily).extracting(DailyUse::wattHours).allMatch(wh -> wh.isEmpty());
        // 0.1505 m³ and 150.5 litres both round half-up to 151 litres
        assertThat(sink.litresByDay()).containsEntry(LocalDate.of(2026, 1, 3), 151L);
        assertThat(sink.litresByDay().values()).containsExactly(123L, 98L, 151L, 200L, 0L, 87L, 110L);
        assertThat(sink.totalLitres()).isEqualTo(123 + 98 + 151 + 200 + 0 + 87 + 110);
    }

    @Test
    void theJsonNamesItsMeterAndTheCsvRepeatsADay() {
        assertThat(read("water-m3.json").meter()).contains("W123456");
        WaterFile csv = read("water-litres.csv");

        assertThat(csv.meter()).isEmpty();
        assertThat(csv.rowsRead()).isEqualTo(8);
        assertThat(csv.duplicatesSkipped()).isEqualTo(1);
    }

    @Test
    void aRepeatedDayWithAnotherVolumeIsRefusedByItsLine() {
        InputStream in = text("date;volume_l\n2026-01-01;10\n2026-01-01;11\n");

        assertRefused(() -> WaterDaily.read(in, Format.CSV, 100, sink), 3, "a second reading for 2026-01-01");
    }

    @Test
    void theFormatIsTheFirstByteThatIsNotBlank() {
        assertThat(Format.detect(text("\uFEFF\r\n\t{\"unit\": \"L\"}"))).isEqualTo(Format.JSON);
        assertThat(Format.detect(text("Date;Consommation (m3)\n"))).isEqualTo(Format.CSV);
    }

    @Test
    void theUnitComesFromTheVolumeColumnsName() {
        WaterDaily.read(text("Date,Consommation (litres),Index\n2026-01-01,12.5,100\n"), Format.CSV, 100, sink);
        WaterDaily.read(text("\uFEFFdate;volume_m3\n02/01/2026;0,0125\n"), Format.CSV, 100, sink);

        // 12.5 litres rounds up to 13; 0.0125 m³ is 12.5 litres too
        assertThat(sink.litresByDay())
                .containsEntry(LocalDate.of(2026, 1, 1), 13L)
                .containsEntry(LocalDate.of(2026, 1, 2), 13L);
        assertRefused(
                () -> WaterDaily.read(text("Date;Consommation\n2026-01-01;1\n"), Format.CSV, 100, sink), 1, "unit");
    }

    @Test
    void malformedCsvRowsAreRefusedByTheirLine() {
        String header = "date;volume_l\n2026-01-01;1\n";
        assertBadCsvLine(header + "2026-02-30;1", 3, "bad date or time");
        assertBadCsvLine(header + "2026-01-02;-1", 3, "negative");
        assertBadCsvLine(header + "2026-01-02;1;2", 3, "3 values where the header has 2");
        assertBadCsvLine(header + "\n\n2026-01-02;abc", 5, "bad number");
    }

    private static void assertBadCsvLine(String csv, long line, String reason) {
        assertRefused(() -> WaterDaily.read(text(csv), Format.CSV, 100, new Collected()), line, reason);
    }

    @Test
    void jsonFaultsAreRefusedByTheirLine() {
        assertBadJsonLine("{\"readings\": [], \"unit\": \"L\"}", 1, "\"unit\" must come before");
        assertBadJsonLine("{\"unit\": \"gallons\", \"readings\": []}", 1, "expected L or m3");
        assertBadJsonLine(
                "{\"unit\": \"L\",\n \"readings\": [\n{\"date\": \"2026-01-01\"}]}", 3, "a \"date\" and a \"volume\"");
        assertBadJsonLine(
                "{\"unit\": \"L\",\n \"readings\": [\n{\"date\": \"2026-01-01\", \"volume\": 1},\n",
                4,
                "not valid JSON");
        assertBadJsonLine(
                "{\"unit\": \"L\", \"readings\": [{\"date\": \"2026-01-01\", \"volume\": []}]}", 1, "not a number");
        assertBadJsonLine("{\"meter\": \"W1\"}", 0, "does not say its unit");
        assertBadJsonLine("{\"unit\": \"L\"}", 0, "no readings");
    }

    private static void assertBadJsonLine(String json, long line, String reason) {
        assertRefused(() -> WaterDaily.read(text(json), Format.JSON, 100, new Collected()), line, reason);
    }

    @Test
    void jsonVolumesMayBeStringsAndOtherFieldsAreSkipped() {
        String json = "{\"meter\": \"W9\", \"source\": {\"x\": [1, 2]}, \"unit\": \"m³\", \"readings\": ["
                + "{\"date\": \"2026-01-01\", \"volume\": \"0,5\", \"quality\": \"estimated\"}]}";

        WaterFile file = WaterDaily.read(text(json), Format.JSON, 100, sink);

        assertThat(file.meter()).isEqualTo(Optional.of("W9"));
        assertThat(sink.daily).containsExactly(DailyUse.volume(LocalDate.of(2026, 1, 1), 500));
    }

    @ParameterizedTest
    @CsvSource({
        // the CSV's 7th row, after its header
        "water-m3.csv, 8",
        // the JSON's 7th reading: 4 lines before the first, then 4 lines a reading
        "water-m3.json, 29"
    })
    void maxRowsIsEnforcedInBothShapes(String name, long line) throws IOException {
        try (InputStream in = sample(name)) {
            assertRefused(() -> WaterDaily.read(in, Format.detect(in), 6, sink), line, "more than 6");
        }
        assertThat(sink.daily).hasSize(6);
    }
}
