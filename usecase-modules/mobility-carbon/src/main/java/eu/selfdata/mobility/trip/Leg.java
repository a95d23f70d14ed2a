package eu.selfdata.mobility.trip;

/**
 * Part of a trip travelled one way. Distance and speeds are measured on the smoothed track; the
 * speeds are the median and 95th percentile of the time it moved.
 */
public record Leg(
        long startMilli,
        long endMilli,
        double distanceM,
        double medianSpeedMps,
        double p95SpeedMps,
        TravelMode mode,
        double startLat,
        double startLon,
        double endLat,
        double endLon) {}
