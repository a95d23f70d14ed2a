package eu.selfdata.energywater.reading;

import static eu.selfdata.energywater.reading.Files.assertRefused;
import static eu.selfdata.energywater.reading.Files.sample;
import static eu.selfdata.energywater.reading.Files.text;
import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.energywater.reading.GrdfInformative.Format;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** GRDF's informative days, from the committed samples and from rows written here. */
class GrdfInformativeTest {

    private static final String HEADER = "date_debut_consommation;date_fin_consommation;volume_brut;energie\n";

    private final Collected sink = new Collected();

    private GrdfFile read(String name) {
        return Files.readSample(name, in -> GrdfInformative.read(in, Format.detect(in), 100, sink));
    }

    @Test
    void theNdJsonSampleGivesEachDayWithFiguresInWhAndLitres() {
        GrdfFile file = read("grdf-informative.ndjson");

        assertThat(file)
                .isEqualTo(new GrdfFile(
                        Optional.of("GI123456"),
                        Format.ND_JSON,
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 1, 6),
                        6,
                        0,
                        1));
        // the 3rd has neither volume nor energy; the 4th has no energy: 1.111 m³ × 11.3 kWh/m³ = 12.5543 kWh
        assertThat(sink.wattHoursByDay()).hasSize(5).doesNotContainKey(LocalDate.of(2026, 1, 3));
        assertThat(sink.wattHoursByDay()).containsEntry(LocalDate.of(2026, 1, 4), 12_554L);
        // energy wins over volume × coefficient where GRDF gives both (0.9995 × 11.2 = 11.194, but 11.2 is given)
        assertThat(sink.wattHoursByDay()).containsEntry(LocalDate.of(2026, 1, 5), 11_200L);
        assertThat(sink.totalWattHours()).isEqualTo(14_000 + 28_000 + 12_554 + 11_200 + 33_750);
        // 0.9995 m³ is 999.5 litres, rounded half-up
        assertThat(sink.litresByDay()).containsEntry(LocalDate.of(2026, 1, 5), 1000L);
        assertThat(sink.totalLitres()).isEqualTo(1230 + 2500 + 1111 + 1000 + 3000);
    }

    @Test
    void theCsvSampleGivesTheSameDaysWithoutAPce() {
        read("grdf-informative.ndjson");
        var fromJson = sink.daily.stream().toList();
        sink.daily.clear();

        GrdfFile file = read("grdf-informative.csv");

        assertThat(file.format()).isEqualTo(Format.CSV);
        assertThat(file.pce()).isEmpty();
        assertThat(file.daysWithoutData()).isEqualTo(1);
        assertThat(sink.daily).isEqualTo(fromJson).hasSize(5);
    }

    @Test
    void theFormatIsTheFirstByteThatIsNotBlank() {
        assertThat(Format.detect(text("\uFEFF \n {\"energie\": 1}"))).isEqualTo(Format.ND_JSON);
        assertThat(Format.detect(text("\n" + HEADER))).isEqualTo(Format.CSV);
        InputStream in = text("  {}");
        Format.detect(in);
        assertThat(in).hasContent("  {}");
    }

    @Test
    void aPeriodLongerThanADayIsRefusedByItsLine() {
        InputStream in = text(HEADER + "2026-01-01;2026-01-02;1;11\n2026-01-02;2026-01-04;2;22\n");

        assertRefused(() -> GrdfInformative.read(in, Format.CSV, 100, sink), 3, "more than a day");
        assertThat(sink.daily).hasSize(1);
    }

    @Test
    void aDayWithoutAnEndAndADayEndingOnItselfAreDaily() {
        InputStream in = text("date_debut_consommation;volume_brut\n01/01/2026;1\n");

        GrdfInformative.read(in, Format.CSV, 100, sink);

        assertThat(sink.daily)
                .containsExactly(new DailyUse(LocalDate.of(2026, 1, 1), OptionalLong.empty(), OptionalLong.of(1000)));
    }

    @Test
    void repeatedDaysAreSkippedWhenTheySayTheSameAndRefusedOtherwise() {
        String day = "{\"date_debut_consommation\": \"2026-01-01\", \"volume_brut\": 1, \"energie\": 11}\n";
        GrdfFile file = GrdfInformative.read(text(day + day), Format.ND_JSON, 100, sink);
        assertThat(file.duplicatesSkipped()).isEqualTo(1);
        assertThat(sink.daily).hasSize(1);

        String other = day.replace("11}", "12}");
        assertRefused(
                () -> GrdfInformative.read(text(day + "\n" + other), Format.ND_JSON, 100, sink),
                3,
                "a second reading for 2026-01-01 says 12000 Wh and 1000 L, the first 11000 Wh and 1000 L");
    }

    @Test
    void malformedRowsAreRefusedByTheirLine() {
        String good = "{\"date_debut_consommation\": \"2026-01-01\", \"energie\": 11}\n";
        assertBadLine(good + "\n{\"date_debut", 3, "not valid JSON");
        assertBadLine(good + "[1]", 2, "not a JSON object");
        assertBadLine(good + "{\"date_debut_consommation\": \"2026-01-02\", \"energie\": true}", 2, "not a number");
        assertBadLine(good + "{\"date_debut_consommation\": \"2026-01-02\", \"energie\": -1}", 2, "negative");
        assertBadLine(good + "{\"energie\": 3}", 2, "no date_debut_consommation");
        assertBadLine(
                good + "{\"id_pce\": \"GI1\", \"date_debut_consommation\": \"2026-01-02\"}\n"
                        + "{\"id_pce\": \"GI2\", \"date_debut_consommation\": \"2026-01-03\"}",
                3,
                "more than one meter");
    }

    private static void assertBadLine(String ndJson, long line, String reason) {
        assertRefused(() -> GrdfInformative.read(text(ndJson), Format.ND_JSON, 100, new Collected()), line, reason);
    }

    @Test
    void maxRowsIsEnforced() throws IOException {
        try (InputStream in = sample("grdf-informative.csv")) {
            // header on line 1, the sixth row on line 7
            assertRefused(() -> GrdfInformative.read(in, Format.CSV, 5, sink), 7, "more than 5");
        }
    }
}
