package eu.selfdata.mobility.trip;

/**
 * What mode inference sees of a leg: its speed profile, and its fixes in {@code trace} from
 * {@code from} to {@code to} inclusive (for transit proximity).
 */
public record LegProfile(double distanceM, long durationMilli, double medianSpeedMps, double p95SpeedMps,
                         Trace trace, int from, int to) {
}
