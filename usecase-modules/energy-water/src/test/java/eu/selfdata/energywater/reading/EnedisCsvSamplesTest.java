package eu.selfdata.energywater.reading;

import static eu.selfdata.energywater.reading.Files.PRM;
import static eu.selfdata.energywater.reading.Files.assertRefused;
import static eu.selfdata.energywater.reading.Files.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The committed Enedis samples, their totals worked out by hand from how generate_samples.py writes them. */
class EnedisCsvSamplesTest {

    // step i of a day averages 1000 + i % 2 W for half an hour: 500 Wh and 500.5 Wh in turn
    private static final long FULL_DAY_WH = 24 * 500 + 24 * 5005 / 10; // 48 steps: 12 000 + 12 012 = 24 012
    private static final long SPRING_DAY_WH = 23 * 500 + (23 * 5005 + 5) / 10; // 46 steps: 11 500 + 11 511.5 → 23 012
    private static final long AUTUMN_DAY_WH = 25 * 500 + (25 * 5005 + 5) / 10; // 50 steps: 12 500 + 12 512.5 → 25 013

    // day k of the daily samples (k = 0 on 2026-01-01) uses 8000 + 250 k Wh
    private static final long TEN_DAYS_WH = 10 * 8000 + 250 * (9 * 10 / 2); // 80 000 + 11 250 = 91 250

    private final Collected sink = new Collected();

    private EnedisFile read(String name) {
        return Files.readSample(name, in -> EnedisCsv.read(in, PRM, 100_000, sink));
    }

    @Test
    void theSpringWeekHas46StepsOnTheShortDayAndItsDailyTotals() {
        EnedisFile file = read("enedis-curve-spring.csv");

        assertThat(file)
                .isEqualTo(new EnedisFile(
                        PRM,
                        EnedisData.LOAD_CURVE,
                        "W",
                        OptionalInt.of(30),
                        LocalDate.of(2026, 3, 26),
                        LocalDate.of(2026, 4, 1),
                        6 * 48 + 46,
                        0,
                        0));
        assertThat(sink.curve).hasSize(6 * 48 + 46);
        assertThat(sink.stepsByDay()).containsEntry(LocalDate.of(2026, 3, 29), 46L);
        assertThat(sink.stepsByDay().values()).containsOnly(48L, 46L).hasSize(7);
        assertThat(SPRING_DAY_WH).isEqualTo(23_012);
        assertThat(sink.wattHoursByDay())
                .hasSize(7)
                .containsEntry(LocalDate.of(2026, 3, 28), FULL_DAY_WH)
                .containsEntry(LocalDate.of(2026, 3, 29), SPRING_DAY_WH)
                .containsEntry(LocalDate.of(2026, 3, 30), FULL_DAY_WH);
        assertThat(sink.totalWattHours()).isEqualTo(6 * FULL_DAY_WH + SPRING_DAY_WH);
    }

    @Test
    void theAutumnWeekHas50StepsOnTheLongDayAndItsDailyTotals() {
        EnedisFile file = read("enedis-curve-autumn.csv");

        assertThat(file.rowsRead()).isEqualTo(6 * 48 + 50);
        assertThat(file.firstDay()).isEqualTo(LocalDate.of(2026, 10, 22));
        assertThat(file.lastDay()).isEqualTo(LocalDate.of(2026, 10, 28));
        assertThat(sink.stepsByDay()).containsEntry(LocalDate.of(2026, 10, 25), 50L);
        assertThat(AUTUMN_DAY_WH).isEqualTo(25_013);
        assertThat(sink.wattHoursByDay())
                .hasSize(7)
                .containsEntry(LocalDate.of(2026, 10, 24), FULL_DAY_WH)
                .containsEntry(LocalDate.of(2026, 10, 25), AUTUMN_DAY_WH);
        assertThat(sink.totalWattHours()).isEqualTo(6 * FULL_DAY_WH + AUTUMN_DAY_WH);
        // the autumn hour comes twice, so the instants must still all differ
        assertThat(sink.curve.stream().map(CurvePoint::end).distinct()).hasSize(6 * 48 + 50);
    }

    @Test
    void thePointEndingAtMidnightBelongsToTheDayBefore() {
        read("enedis-curve-spring.csv");

        CurvePoint last = sink.curve.getLast();
        assertThat(last.end())
                .isEqualTo(OffsetDateTime.parse("2026-04-02T00:00:00+02:00").toInstant());
        assertThat(sink.wattHoursByDay())
                .containsKey(LocalDate.of(2026, 4, 1))
                .doesNotContainKey(LocalDate.of(2026, 4, 2));
        // 48 points end in 2026-03-28 (00:00, 24:00]: the one ending at its 00:00 is the 27th's last step
        long endingOn28th = sink.curve.stream()
                .filter(point -> point.end()
                        .isAfter(OffsetDateTime.parse("2026-03-28T00:00:00+01:00")
                                .toInstant()))
                .filter(point -> !point.end()
                        .isAfter(OffsetDateTime.parse("2026-03-29T00:00:00+01:00")
                                .toInstant()))
                .count();
        assertThat(endingOn28th).isEqualTo(48);
        assertThat(sink.stepsByDay()).containsEntry(LocalDate.of(2026, 3, 28), 48L);
    }

    @Test
    void dailyEnergyInWhAndInKwhGiveTheSameDays() throws IOException {
        EnedisFile wh = read("enedis-daily-wh.csv");
        var inWh = sink.wattHoursByDay();
        sink.daily.clear();
        EnedisFile kwh = read("enedis-daily-kwh.csv");

        assertThat(wh.unit()).isEqualTo("Wh");
        assertThat(kwh.unit()).isEqualTo("kWh");
        assertThat(wh.data()).isEqualTo(EnedisData.DAILY_ENERGY);
        assertThat(kwh.data()).isEqualTo(EnedisData.DAILY_ENERGY);
        assertThat(kwh.stepMinutes()).isEmpty();
        assertThat(sink.wattHoursByDay()).isEqualTo(inWh).hasSize(10);
        assertThat(sink.totalWattHours()).isEqualTo(TEN_DAYS_WH);
        assertThat(sink.wattHoursByDay()).containsEntry(LocalDate.of(2026, 1, 4), 8000 + 250 * 3L);
    }

    @Test
    void theKwhSampleStartsWithABomThatIsSkipped() throws IOException {
        try (InputStream in = sample("enedis-daily-kwh.csv")) {
            assertThat(in.readNBytes(3)).containsExactly(0xEF, 0xBB, 0xBF);
        }
        assertThat(read("enedis-daily-kwh.csv").prm()).isEqualTo(PRM);
    }

    @Test
    void aDailyIndexGivesEachDayTheDifferenceToTheNext() {
        EnedisFile file = read("enedis-index.csv");

        assertThat(file.data()).isEqualTo(EnedisData.DAILY_INDEX);
        assertThat(file.rowsRead()).isEqualTo(8);
        // eight indexes make seven days of use; day k uses 8000 + 250 k Wh: 7 × 8000 + 250 × (0 + … + 6) = 61 250
        assertThat(sink.daily).hasSize(7);
        assertThat(sink.totalWattHours()).isEqualTo(7 * 8000 + 250 * 21);
        assertThat(sink.wattHoursByDay())
                .containsEntry(LocalDate.of(2026, 1, 1), 8000L)
                .containsEntry(LocalDate.of(2026, 1, 7), 8000 + 250 * 6L)
                .doesNotContainKey(LocalDate.of(2026, 1, 8));
    }

    @Test
    void maximumPowerIsDatedByTheDayItWasReached() {
        EnedisFile file = read("enedis-max-power.csv");

        assertThat(file.data()).isEqualTo(EnedisData.MAX_POWER);
        assertThat(file.unit()).isEqualTo("VA");
        assertThat(sink.maxPower).hasSize(7);
        assertThat(sink.maxPower.stream().mapToInt(MaxPower::voltAmperes).sum())
                .isEqualTo(6540 + 7210 + 5980 + 8020 + 6130 + 6990 + 7450);
        // reached at 00:10 on the 3rd, at 23:55 on the 7th: neither moves to another day
        assertThat(sink.maxPower)
                .contains(new MaxPower(LocalDate.of(2026, 1, 3), 5980), new MaxPower(LocalDate.of(2026, 1, 7), 7450));
        assertThat(sink.daily).isEmpty();
    }

    @Test
    void repeatedRowsWithTheSameValueAreSkipped() {
        EnedisFile file = read("enedis-daily-duplicates.csv");

        assertThat(file.rowsRead()).isEqualTo(12);
        assertThat(file.duplicatesSkipped()).isEqualTo(2);
        assertThat(sink.daily).hasSize(10);
        assertThat(sink.totalWattHours()).isEqualTo(TEN_DAYS_WH);
    }

    @Test
    void aRepeatedRowWithAnotherValueIsRefusedByItsLine() {
        // names, values, Horodate;Valeur, then the 1st, 2nd and 3rd of January: the second 3rd is on line 7
        assertRefused(() -> read("enedis-daily-conflict.csv"), 7, "second reading for 2026-01-03");
    }

    @Test
    void aMissingDayIsAbsentNotInvented() {
        EnedisFile file = read("enedis-daily-missing-day.csv");

        assertThat(file.rowsRead()).isEqualTo(9);
        assertThat(sink.wattHoursByDay()).hasSize(9).doesNotContainKey(LocalDate.of(2026, 1, 5));
        assertThat(sink.totalWattHours()).isEqualTo(TEN_DAYS_WH - (8000 + 250 * 4));
    }

    @Test
    void aFileForAnotherMeterIsRefusedShowingOnlyFourDigitsOfEither() {
        assertRefused(() -> read("enedis-other-prm.csv"), 2, "ending in 9876, not the one ending in 1234");
        // no run of five digits: neither PRM shows more than its last four
        assertThatThrownBy(() -> read("enedis-other-prm.csv")).message().doesNotContainPattern("\\d{5}");
        assertThat(sink.daily).isEmpty();
    }

    @Test
    void aMalformedRowIsRefusedByItsLine() {
        // the fifth day's row, after three lines of head
        assertRefused(() -> read("enedis-malformed-row.csv"), 3 + 5, "bad number '12a4'");
        assertThat(sink.daily).hasSize(4);
    }

    @Test
    void maxRowsIsEnforcedAtTheFirstRowPastIt() throws IOException {
        long rows = 6 * 48 + 46;
        try (InputStream in = sample("enedis-curve-spring.csv")) {
            assertThat(EnedisCsv.read(in, PRM, rows, new Collected()).rowsRead())
                    .isEqualTo(rows);
        }
        try (InputStream in = sample("enedis-curve-spring.csv")) {
            assertRefused(() -> EnedisCsv.read(in, PRM, rows - 1, sink), 3 + rows, "more than " + (rows - 1));
        }
        assertThat(sink.curve).hasSize((int) rows - 1);
    }
}
