package eu.selfdata.waste.citizen;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.waste.weighing.WasteStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A citizen's own waste in the city of the request, month by month: kilograms per stream, per
 * person of the household, sorting rate, trend, and two comparisons — the city's participants
 * (aggregate, k threshold) and the national figure with its source.
 */
public class WasteSummaries {

    private final CityDatabase city;
    private final CityAverages averages;

    public WasteSummaries(CityDatabase city, CityAverages averages) {
        this.city = city;
        this.averages = averages;
    }

    public Summary of(CitizenId citizen) {
        int household = city.jdbc()
                .sql("select coalesce(max(household_size), 1) from waste_bin_link where citizen_id = :citizen")
                .param("citizen", citizen.value())
                .query(Integer.class)
                .single();
        Map<String, Map<WasteStream, Long>> grams = new TreeMap<>();
        city.jdbc()
                .sql("""
                        select to_char(collected_at at time zone 'Europe/Paris', 'YYYY-MM') as month, stream, sum(grams)
                          from waste_weighing where citizen_id = :citizen
                           and bin_id not in (select bin_id from waste_bin_link where citizen_id = :citizen and proof is null)
                         group by 1, 2""")
                .param("citizen", citizen.value())
                .query((rs, row) -> grams.computeIfAbsent(rs.getString(1), m -> new EnumMap<>(WasteStream.class))
                        .put(WasteStream.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
        CityAverages.Averages cityAverage = averages.kilogramsPerParticipantAndMonth();
        List<Month> months = new ArrayList<>();
        grams.forEach((month, perStream) -> {
            long total = perStream.values().stream().mapToLong(Long::longValue).sum();
            long sorted = perStream.entrySet().stream()
                    .filter(e -> e.getKey().sorted())
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            Map<WasteStream, Double> kilograms = new EnumMap<>(WasteStream.class);
            perStream.forEach((stream, g) -> kilograms.put(stream, g / 1000.0));
            months.add(new Month(
                    month,
                    kilograms,
                    total / 1000.0,
                    total / 1000.0 / household,
                    total == 0 ? null : (double) sorted / total,
                    cityAverage.of(month)));
        });
        long allGrams = grams.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(Long::longValue)
                .sum();
        long sortedGrams = grams.values().stream()
                .flatMap(m -> m.entrySet().stream())
                .filter(e -> e.getKey().sorted())
                .mapToLong(Map.Entry::getValue)
                .sum();
        return new Summary(
                household,
                months,
                allGrams == 0 ? null : (double) sortedGrams / allGrams,
                Trend.of(months).orElse(null),
                NationalReference.FRANCE);
    }

    /**
     * @param cityAverage kilograms per participating household that month, or suppressed (too few participants)
     */
    public record Month(
            String month,
            Map<WasteStream, Double> kilogramsPerStream,
            double kilograms,
            double kilogramsPerPerson,
            Double sortingRate,
            CityAverages.Average cityAverage) {}

    public record Summary(
            int householdSize,
            List<Month> months,
            Double sortingRate,
            Trend trend,
            NationalReference nationalReference) {}

    /** Kilograms per person over the last three months with weighings against the three before. */
    public record Trend(double recentKilogramsPerPerson, double previousKilogramsPerPerson, double changePercent) {

        static Optional<Trend> of(List<Month> months) {
            if (months.size() < 6) {
                return Optional.empty();
            }
            double recent = months.subList(months.size() - 3, months.size()).stream()
                    .mapToDouble(Month::kilogramsPerPerson)
                    .sum();
            double previous = months.subList(months.size() - 6, months.size() - 3).stream()
                    .mapToDouble(Month::kilogramsPerPerson)
                    .sum();
            return previous == 0
                    ? Optional.empty()
                    : Optional.of(new Trend(recent, previous, 100 * (recent - previous) / previous));
        }
    }
}
