package eu.selfdata.mobility.trip;

import java.util.List;

/** Movement between two stays: its legs in order, the first starting where the trip starts. */
public record Trip(long startMilli, long endMilli, double distanceM, List<Leg> legs) {

    public Trip {
        legs = List.copyOf(legs);
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("a trip has at least one leg");
        }
    }

    public Leg first() {
        return legs.getFirst();
    }

    public Leg last() {
        return legs.getLast();
    }
}
