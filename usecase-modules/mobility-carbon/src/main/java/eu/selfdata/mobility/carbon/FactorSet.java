package eu.selfdata.mobility.carbon;

import eu.selfdata.mobility.trip.TravelMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A published table of emission factors, gCO2e per passenger-km, shipped with the module and
 * pinned to a dated version. A city picks one and may override single modes.
 */
public record FactorSet(String id, String source, Map<TravelMode, Double> gramsPerPassengerKm) {

    /**
     * impactCO2 (ADEME), usage + vehicle construction, no infrastructure, snapshot 2025-10-16 of the
     * impactCO2 repository; car for the driver alone, diesel bus, TER for trains.
     */
    public static final FactorSet IMPACT_CO2_2025_10_16 = new FactorSet(
            "impactco2-2025-10-16",
            "impactCO2 (ADEME), repository snapshot 2025-10-16: usage + construction, no infrastructure; car driver alone, diesel bus, TER",
            factors(217.6, 122.42, 4.28, 4.44, 27.69, 0.17, 10.95, 0));

    /**
     * ADEME Base Carbone usage-only factors as La Rochelle's Coach CO2 applies them (10 km by car =
     * 1.92 kg). E-bike is not in that list: impactCO2's value stands in.
     */
    public static final FactorSet BASE_CARBONE_COACH_CO2 = new FactorSet(
            "base-carbone-coach-co2",
            "ADEME Base Carbone, usage only, as used by La Rochelle's Coach CO2; e-bike from impactCO2 2025-10-16",
            factors(192, 137.33, 3.0, 3.3, 10.61, 0, 10.95, 0));

    public static final List<FactorSet> SHIPPED = List.of(IMPACT_CO2_2025_10_16, BASE_CARBONE_COACH_CO2);

    public FactorSet {
        gramsPerPassengerKm = Map.copyOf(gramsPerPassengerKm);
    }

    public static Optional<FactorSet> shipped(String id) {
        return SHIPPED.stream().filter(set -> set.id().equals(id)).findFirst();
    }

    private static Map<TravelMode, Double> factors(
            double car, double bus, double tram, double metro, double train, double bike, double ebike, double walk) {
        Map<TravelMode, Double> factors = new EnumMap<>(TravelMode.class);
        double[] values = {walk, bike, ebike, car, bus, tram, metro, train};
        TravelMode[] modes = {
            TravelMode.WALK,
            TravelMode.BIKE,
            TravelMode.EBIKE,
            TravelMode.CAR,
            TravelMode.BUS,
            TravelMode.TRAM,
            TravelMode.METRO,
            TravelMode.TRAIN
        };
        for (int i = 0; i < modes.length; i++) {
            factors.put(modes[i], values[i]);
        }
        return factors;
    }
}
