package eu.selfdata.energywater.reading;

import static eu.selfdata.energywater.reading.Files.PRM;
import static eu.selfdata.energywater.reading.Files.assertRefused;
import static eu.selfdata.energywater.reading.Files.curveDay;
import static eu.selfdata.energywater.reading.Files.enedis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Enedis rows and heads written in the test, one variant or fault each. */
class EnedisCsvRowsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 15);

    private final Collected sink = new Collected();

    private EnedisFile read(InputStream in) {
        return EnedisCsv.read(in, PRM, 10_000, sink);
    }

    private EnedisFile readCurve(String step, List<String> rows) {
        return read(enedis("Courbe de charge", "W", step, rows.toArray(String[]::new)));
    }

    @ParameterizedTest
    @CsvSource({
        "Courbe de charge, LOAD_CURVE",
        "COURBE DE CHARGE, LOAD_CURVE",
        "Consommation journalière, DAILY_ENERGY",
        "Energie journaliere, DAILY_ENERGY",
        "Énergie journalière, DAILY_ENERGY",
        "Consommation quotidienne, DAILY_ENERGY",
        "Index, DAILY_INDEX",
        "Index journalier, DAILY_INDEX",
        "Puissance maximale, MAX_POWER",
        "Puissance max quotidienne, MAX_POWER"
    })
    void typesOfDataAreReadWhateverTheirCaseAndAccents(String type, EnedisData data) {
        assertThat(EnedisData.of(type)).contains(data);
    }

    @Test
    void anUnknownTypeOfDataIsRefusedOnLine2() {
        assertRefused(() -> read(enedis("Production", "Wh", "", "2026-01-15;1")), 2, "unknown type of data");
    }

    @Test
    void tenMinuteStepsAddUpExactly() {
        // 144 steps of 1 W for 10 minutes: 144 × 10 / 60 = 24 Wh (a sixth of a Wh each, lost if rounded step by step)
        EnedisFile file = readCurve("10", curveDay(DAY, 10, step -> 1));

        assertThat(file.stepMinutes()).hasValue(10);
        assertThat(sink.curve).hasSize(144);
        assertThat(sink.wattHoursByDay()).containsExactlyEntriesOf(Map.of(DAY, 24L));
    }

    @Test
    void fifteenMinuteStepsAddUpExactly() {
        // 96 steps of 3 W for a quarter of an hour: 96 × 3 / 4 = 72 Wh
        readCurve("15", curveDay(DAY, 15, step -> 3));

        assertThat(sink.curve).hasSize(96);
        assertThat(sink.wattHoursByDay()).containsEntry(DAY, 72L);
    }

    @Test
    void aDaysTotalIsRoundedHalfUpOnlyAtTheEnd() {
        // one step of 1 W for half an hour is 0.5 Wh, rounded up; three of them 1.5 Wh, rounded up to 2
        readCurve("30", curveDay(DAY, 30, step -> step == 7 ? 1 : 0));
        assertThat(sink.wattHoursByDay()).containsEntry(DAY, 1L);
        sink.daily.clear();
        readCurve("30", curveDay(DAY, 30, step -> step % 16 == 0 ? 1 : 0));
        assertThat(sink.wattHoursByDay()).containsEntry(DAY, 2L);
    }

    @Test
    void aDayLackingAStepGivesItsPointsButNoTotal() {
        List<String> rows = new ArrayList<>(curveDay(DAY, 30, step -> 1000));
        rows.remove(20);
        rows.addAll(curveDay(DAY.plusDays(1), 30, step -> 1000));

        EnedisFile file = readCurve("30", rows);

        assertThat(sink.curve).hasSize(47 + 48);
        assertThat(file.incompleteDays()).isEqualTo(1);
        // 48 half-hours at 1000 W: 24 000 Wh
        assertThat(sink.wattHoursByDay()).containsExactlyEntriesOf(Map.of(DAY.plusDays(1), 24_000L));
    }

    @Test
    void localTimesOfTheAutumnDayTakeTheRepeatedHourInOrder() {
        LocalDate autumn = LocalDate.of(2026, 10, 25);
        List<String> rows = localTimes(autumn, "yyyy-MM-dd HH:mm:ss");
        assertThat(rows).filteredOn(row -> row.startsWith("2026-10-25 02:30")).hasSize(2);

        readCurve("30", rows);

        assertThat(sink.curve.stream().map(CurvePoint::end).distinct()).hasSize(50);
        // 50 half-hours at 1000 W: 25 000 Wh
        assertThat(sink.wattHoursByDay()).containsEntry(autumn, 25_000L);
    }

    @Test
    void frenchLocalTimesOfTheSpringDayHave46Steps() {
        LocalDate spring = LocalDate.of(2026, 3, 29);
        List<String> rows = localTimes(spring, "dd/MM/yyyy HH:mm");

        readCurve("30", rows);

        // 46 half-hours at 1000 W: 23 000 Wh
        assertThat(sink.curve).hasSize(46);
        assertThat(sink.wattHoursByDay()).containsEntry(spring, 23_000L);
    }

    /** A day of 30-minute steps at 1000 W, timed in local time as {@code pattern} writes it, without offset. */
    private static List<String> localTimes(LocalDate day, String pattern) {
        DateTimeFormatter local = DateTimeFormatter.ofPattern(pattern);
        return curveDay(day, 30, step -> 1000).stream()
                .map(row -> OffsetDateTime.parse(row.split(";")[0])
                                .atZoneSameInstant(Horodates.PARIS)
                                .format(local)
                        + ";1000")
                .toList();
    }

    @Test
    void aLocalTimeTheSpringChangeSkipsIsRefused() {
        assertRefused(
                () -> readCurve("30", List.of("2026-03-29 02:00:00;10", "2026-03-29 02:30:00;10")),
                4,
                "no such time in France");
    }

    @Test
    void malformedRowsAreRefusedByTheirLine() {
        String good = "2026-01-15T00:30:00+01:00;1000";
        assertRefused(() -> readCurve("30", List.of(good, "2026-13-15T01:00:00;1000")), 5, "bad date or time");
        assertRefused(() -> readCurve("30", List.of(good, "2026-01-15T01:00:00+01:00;-5")), 5, "negative value");
        assertRefused(() -> readCurve("30", List.of(good, "2026-01-15T01:00:00+01:00;5;6")), 5, "3 value(s)");
        assertRefused(() -> readCurve("30", List.of(good, "2026-01-15T01:00:00+01:00")), 5, "1 value(s)");
        assertRefused(() -> readCurve("30", List.of(good, "2026-01-15T01:10:00+01:00;5")), 5, "30-minute step");
        // either direction in time goes, but only one
        assertRefused(
                () -> readCurve("30", List.of(good, "2026-01-15T01:00:00+01:00;5", "2026-01-15T00:00:00+01:00;5")),
                6,
                "out of order");
        assertRefused(() -> readCurve("30", List.of(good, "2026-01-15T01:00:00+01:00;1e3")), 5, "bad number");
    }

    @Test
    void aQuoteThatNeverClosesIsRefusedAtTheRowItOpens() {
        assertRefused(
                () -> read(enedis("Index", "Wh", "", "2026-01-15;1", "\"2026-01-16;2", "2026-01-17;3")),
                5,
                "a quote opens a value and never closes");
    }

    @Test
    void blankLinesAnywhereAreSkippedAndLineNumbersStayTrue() {
        InputStream in = enedis(
                "Courbe de charge",
                "W",
                "30",
                "",
                "2026-01-15T00:30:00+01:00;1000",
                "   ",
                "",
                "2026-01-15T01:00:00+01:00;x");

        // head on lines 1-3, a blank line 4, the row on 5, blanks on 6 and 7: the bad row is line 8
        assertRefused(() -> read(in), 8, "bad number 'x'");
    }

    @Test
    void decimalCommaAndPointAreRoundedHalfUp() {
        read(enedis(
                "Courbe de charge", "W", "30", "2026-01-15T00:30:00+01:00;1000,4", "2026-01-15T01:00:00+01:00;1000.5"));

        assertThat(sink.curve).extracting(CurvePoint::averageWatts).containsExactly(1000, 1001);
    }

    @Test
    void kilowattHoursBecomeWattHoursExactly() {
        EnedisFile file = read(enedis(
                "Consommation journalière", "kWh", "", "2026-01-15;0,0005", "2026-01-16;0,0004", "2026-01-17;12.3456"));

        assertThat(file.unit()).isEqualTo("kWh");
        // 0.5 Wh rounds up, 0.4 Wh down, 12 345.6 Wh up
        assertThat(sink.daily).extracting(use -> use.wattHours().orElseThrow()).containsExactly(1L, 0L, 12_346L);
    }

    @Test
    void maximumPowerInKva() {
        read(enedis("Puissance maximale", "kVA", "", "2026-01-15T18:03:00+01:00;6,54"));

        assertThat(sink.maxPower).containsExactly(new MaxPower(DAY, 6540));
    }

    @Test
    void anUnknownUnitIsRefusedOnLine2() {
        assertRefused(
                () -> read(enedis("Consommation journalière", "MWh", "", "2026-01-15;1")), 2, "expected Wh or kWh");
        assertRefused(() -> read(enedis("Courbe de charge", "W", "20", "2026-01-15;1")), 2, "10, 15, 30 or 60");
        assertRefused(() -> read(enedis("Courbe de charge", "W", "", "2026-01-15;1")), 2, "10, 15, 30 or 60");
    }

    @Test
    void aPrmThatIsNot14DigitsIsRefused() {
        String head = Files.NAMES + "\n1234567890123;Index;01/01/2026;01/01/2027;;;;Wh;\nHorodate;Valeur\n";

        assertRefused(() -> read(Files.text(head + "2026-01-15;1\n")), 2, "not 14 digits");
        assertThatThrownBy(() -> EnedisCsv.read(Files.text(head), "12345", 10, sink))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHeaderWithoutThePrmColumnIsRefusedOnLine1() {
        InputStream in = Files.text("Type de donnees;Unite\nIndex;Wh\nHorodate;Valeur\n2026-01-15;1\n");

        assertRefused(() -> read(in), 1, "no column Identifiant PRM");
    }

    @Test
    void aFileWithoutReadingsIsRefused() {
        assertRefused(() -> read(enedis("Index", "Wh", "")), 0, "no readings");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedByTheirLine() {
        byte[] head = Files.enedisHead("Index", "Wh", "").getBytes(StandardCharsets.UTF_8);
        byte[] row = "2026-01-15;1\n2026-01-16;\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[head.length + row.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(row, 0, file, head.length, row.length);

        assertRefused(() -> read(new ByteArrayInputStream(file)), 5, "not UTF-8");
    }

    @Test
    void newestFirstGivesTheSameDays() {
        List<String> rows = new ArrayList<>(List.of("2026-01-15;10", "2026-01-16;20", "2026-01-17;35"));
        read(enedis("Index", "Wh", "", rows.toArray(String[]::new)));
        var oldestFirst = sink.wattHoursByDay();
        sink.daily.clear();
        Collections.reverse(rows);

        read(enedis("Index", "Wh", "", rows.toArray(String[]::new)));

        assertThat(sink.wattHoursByDay())
                .isEqualTo(oldestFirst)
                .containsEntry(DAY, 20L - 10)
                .hasSize(2);
    }

    @Test
    void anIndexThatGoesDownIsRefusedByItsLine() {
        assertRefused(
                () -> read(enedis("Index", "Wh", "", "2026-01-15;1000", "2026-01-16;1500", "2026-01-17;20")),
                6,
                "reset or replaced");
        assertThat(sink.daily).containsExactly(DailyUse.energy(DAY, 500));
    }

    @Test
    void anIndexAcrossAMissingDayGivesNoUseForTheDaysAround() {
        read(enedis("Index", "Wh", "", "2026-01-15;1000", "2026-01-17;1500", "2026-01-18;1600"));

        assertThat(sink.daily).containsExactly(DailyUse.energy(LocalDate.of(2026, 1, 17), 100));
    }
}
