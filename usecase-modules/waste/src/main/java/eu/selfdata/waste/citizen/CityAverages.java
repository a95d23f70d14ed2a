package eu.selfdata.waste.citizen;

import eu.selfdata.usecase.api.CityAggregates;
import eu.selfdata.usecase.api.IndicatorResult;
import eu.selfdata.waste.WasteIndicators;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The city average a citizen compares with: the city's last published computation (consenting,
 * verified participants only, suppressed below the city's k, noised and rounded), read as it is.
 * It is never recomputed for a citizen's view: each computation would spend privacy budget and give
 * a differencing attack a fresh sample. Before the first publication every month reads as suppressed.
 */
public class CityAverages {

    private final CityAggregates aggregates;

    public CityAverages(CityAggregates aggregates) {
        this.aggregates = aggregates;
    }

    /** month (YYYY-MM) → average kilograms per participating household; suppressed for a month without enough participants. */
    Averages kilogramsPerParticipantAndMonth() {
        return aggregates
                .published(WasteIndicators.KG_PER_PARTICIPANT_MONTH)
                .map(CityAverages::averages)
                .orElseGet(() -> new Averages(aggregates.minGroupSize(), Map.of()));
    }

    private static Averages averages(IndicatorResult result) {
        Map<String, Average> averages = new LinkedHashMap<>();
        result.cells()
                .forEach(cell -> averages.put(
                        cell.group(),
                        new Average(cell.value(), cell.participants(), cell.suppressed(), result.minGroupSize())));
        return new Averages(result.minGroupSize(), averages);
    }

    record Averages(int minGroupSize, Map<String, Average> byMonth) {

        Average of(String month) {
            return byMonth.getOrDefault(month, new Average(null, null, true, minGroupSize));
        }
    }

    /** @param suppressed fewer participants than {@code minGroupSize}, or not published yet: no figure is given */
    public record Average(Double kilograms, Integer participants, boolean suppressed, int minGroupSize) {}
}
