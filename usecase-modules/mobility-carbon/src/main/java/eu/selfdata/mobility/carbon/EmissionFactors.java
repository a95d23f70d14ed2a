package eu.selfdata.mobility.carbon;

import eu.selfdata.mobility.trip.TravelMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The factors a city applies now: a shipped set with the city's overrides, under a version that
 * names both ({@code impactco2-2025-10-16@r3}: revision 3 of the city's choices), stored beside
 * every result so a later change can be recomputed and an old gram traced to its factor.
 */
public record EmissionFactors(String version, Map<TravelMode, Double> gramsPerPassengerKm) {

    public EmissionFactors {
        gramsPerPassengerKm = Map.copyOf(gramsPerPassengerKm);
    }

    public static EmissionFactors of(FactorSet set, int revision, Map<TravelMode, Double> overrides) {
        Map<TravelMode, Double> factors = new EnumMap<>(TravelMode.class);
        factors.putAll(set.gramsPerPassengerKm());
        factors.putAll(overrides);
        return new EmissionFactors(set.id() + "@r" + revision, factors);
    }

    /** Grams of CO2e for a distance; empty for a mode without a factor (unknown). */
    public OptionalLong co2eGrams(TravelMode mode, double distanceM) {
        Double factor = gramsPerPassengerKm.get(mode);
        return factor == null ? OptionalLong.empty() : OptionalLong.of(Math.round(distanceM * factor / 1000));
    }

    /** The table as stored beside the version, e.g. {@code BUS=122.42;CAR=217.6}. */
    public String describe() {
        return gramsPerPassengerKm.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(";"));
    }
}
