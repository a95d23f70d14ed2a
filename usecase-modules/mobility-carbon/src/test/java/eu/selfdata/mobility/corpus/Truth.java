package eu.selfdata.mobility.corpus;

import eu.selfdata.mobility.trip.TravelMode;
import java.time.Instant;
import java.util.List;

/** What really happened in a case: its trips, each with its legs (mode, distance along the path, times). */
record Truth(List<Trip> trips) {

    record Trip(Instant start, Instant end, List<Leg> legs) {}

    record Leg(TravelMode mode, double distanceM, Instant start, Instant end) {}
}
