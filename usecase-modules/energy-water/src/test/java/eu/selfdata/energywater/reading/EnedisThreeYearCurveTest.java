package eu.selfdata.energywater.reading;

import static eu.selfdata.energywater.reading.Files.PRM;
import static eu.selfdata.energywater.reading.Files.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.testsupport.TestSeed;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three years of 30-minute curve (too large to commit: written here, a day at a time as the parser asks for it) with
 * random powers from this run's seed; each day's total is worked out apart, in BigDecimal Wh.
 */
@ExtendWith(TestSeed.class)
class EnedisThreeYearCurveTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2029, 1, 1);
    // 365 + 365 + 366 days; each spring day loses two half-hours and each autumn day gains two
    private static final int DAYS = 365 + 365 + 366;
    private static final int STEPS = DAYS * 48;

    private final Map<LocalDate, BigDecimal> expected = new TreeMap<>();

    /** The file, generated lazily; {@link #expected} fills with each day's Wh as the day is written. */
    private InputStream threeYears(SplittableRandom random) {
        Iterator<InputStream> parts = Stream.concat(
                        Stream.of(Files.enedisHead("Courbe de charge", "W", "30")),
                        FIRST.datesUntil(END).map(day -> day(day, random)))
                .map(text -> (InputStream) new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                .iterator();
        return new BufferedInputStream(new SequenceInputStream(new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return parts.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return parts.next();
            }
        }));
    }

    private String day(LocalDate day, SplittableRandom random) {
        int[] watts = random.ints(50, 0, 12_000).toArray();
        List<String> rows = Files.curveDay(day, 30, step -> watts[step]);
        BigDecimal wattHours = BigDecimal.ZERO;
        for (int step = 0; step < rows.size(); step++) {
            wattHours = wattHours.add(BigDecimal.valueOf(watts[step]).multiply(new BigDecimal("0.5")));
        }
        expected.put(day, wattHours.setScale(0, RoundingMode.HALF_UP));
        return String.join("\n", rows) + "\n";
    }

    @Test
    void everyDayAddsUpToItsPoints() {
        Collected sink = new Collected();

        EnedisFile file = EnedisCsv.read(threeYears(TestSeed.random()), PRM, STEPS, sink);

        assertThat(file.rowsRead()).isEqualTo(STEPS);
        assertThat(file.firstDay()).isEqualTo(FIRST);
        assertThat(file.lastDay()).isEqualTo(END.minusDays(1));
        assertThat(file.incompleteDays()).isZero();
        assertThat(sink.curve).hasSize(STEPS);
        assertThat(sink.wattHoursByDay()).hasSize(DAYS);
        sink.wattHoursByDay()
                .forEach((day, wh) ->
                        assertThat(BigDecimal.valueOf(wh)).as(day.toString()).isEqualByComparingTo(expected.get(day)));
        assertThat(sink.stepsByDay().values()).containsOnly(46L, 48L, 50L);
        assertThat(sink.stepsByDay().values()).filteredOn(steps -> steps != 48).hasSize(6);
    }

    @Test
    void oneRowPastMaxRowsIsRefusedNamingItsLine() {
        assertRefused(
                () -> EnedisCsv.read(threeYears(TestSeed.random()), PRM, STEPS - 1, new Collected()),
                3 + STEPS,
                "more than " + (STEPS - 1));
    }
}
