package eu.selfdata.mobility.trip;

/**
 * A leg explained as a ride on a transit route: its mode, where it boarded and alighted (the route's
 * stops nearest the leg's ends) and the length of the route's drawn path between them, NaN where
 * the feed draws none (the leg's own track then counts).
 */
public record TransitRide(
        TravelMode mode, double boardLat, double boardLon, double alightLat, double alightLon, double lineDistanceM) {

    public TransitRide {
        if (mode == null || !(lineDistanceM >= 0 || Double.isNaN(lineDistanceM))) {
            throw new IllegalArgumentException("a ride has a mode and a distance that is not negative");
        }
    }
}
