package eu.selfdata.waste.citizen;

import eu.selfdata.usecase.api.CityAggregates;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.IndicatorResult;
import eu.selfdata.waste.WasteIndicators;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The city average a citizen compares with, computed by the core over consenting participants only
 * (suppressed below the city's k) and kept an hour per city: each computation is a read that goes
 * to every participant's access log, so it is not redone for every dashboard view.
 */
public class CityAverages {

    private static final Duration KEEP = Duration.ofHours(1);

    private final CityAggregates aggregates;
    private final CityDatabase city;
    private final Clock clock;
    private final Map<String, Computed> cache = new ConcurrentHashMap<>();

    public CityAverages(CityAggregates aggregates, CityDatabase city, Clock clock) {
        this.aggregates = aggregates;
        this.city = city;
        this.clock = clock;
    }

    /** month (YYYY-MM) → average kilograms per participating household; suppressed for a month without enough participants. */
    Averages kilogramsPerParticipantAndMonth() {
        Instant now = clock.instant();
        Computed computed = cache.compute(
                city.city(),
                (slug, previous) -> previous != null && previous.at().plus(KEEP).isAfter(now)
                        ? previous
                        : new Computed(now, aggregates.compute(WasteIndicators.KG_PER_PARTICIPANT_MONTH)));
        Map<String, Average> averages = new LinkedHashMap<>();
        computed.result()
                .cells()
                .forEach(cell -> averages.put(
                        cell.group(),
                        new Average(
                                cell.value(),
                                cell.participants(),
                                cell.suppressed(),
                                computed.result().minGroupSize())));
        return new Averages(computed.result().minGroupSize(), averages);
    }

    record Averages(int minGroupSize, Map<String, Average> byMonth) {

        Average of(String month) {
            return byMonth.getOrDefault(month, new Average(null, null, true, minGroupSize));
        }
    }

    /** @param suppressed fewer participants than {@code minGroupSize}: no figure is given */
    public record Average(Double kilograms, Integer participants, boolean suppressed, int minGroupSize) {}

    private record Computed(Instant at, IndicatorResult result) {}
}
