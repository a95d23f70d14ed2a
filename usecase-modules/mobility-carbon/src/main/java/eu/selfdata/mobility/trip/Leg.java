package eu.selfdata.mobility.trip;

/**
 * Part of a trip travelled one way. Speeds are measured between fixes at least
 * {@link SegmentationSettings#minStepM()} apart.
 */
public record Leg(long startMilli, long endMilli, double distanceM, double medianSpeedMps, double p95SpeedMps,
                  TravelMode mode, double startLat, double startLon, double endLat, double endLon) {
}
