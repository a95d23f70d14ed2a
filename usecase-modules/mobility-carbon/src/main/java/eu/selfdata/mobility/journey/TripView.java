package eu.selfdata.mobility.journey;

import eu.selfdata.mobility.trip.TravelMode;
import java.time.Instant;
import java.util.List;

/** A stored trip as the citizen sees it. */
public record TripView(long id, Instant startedAt, Instant endedAt, long distanceM, Long co2eG, List<LegView> legs) {

    /**
     * A stored leg. {@code mode} is the citizen's correction when there is one, else the inferred
     * mode; {@code co2eG} is null for an unknown mode.
     */
    public record LegView(
            long id,
            Instant startedAt,
            Instant endedAt,
            long distanceM,
            double medianSpeedMps,
            TravelMode inferredMode,
            TravelMode correctedMode,
            TravelMode mode,
            Long co2eG,
            String factorVersion) {}
}
