package eu.selfdata.mobility.trip;

/**
 * What mode inference sees of a leg: whether it was on foot, its speed distribution over the time
 * it moved (median and 95th percentile, time-weighted), the share of its time without fixes
 * ({@code unseenShare}: tunnels, underground), the phone's activity over it, and its smoothed fixes
 * in {@code trace} from {@code from} to {@code to} inclusive (for transit proximity).
 */
public record LegProfile(
        double distanceM,
        long durationMilli,
        double medianSpeedMps,
        double p95SpeedMps,
        boolean onFoot,
        double unseenShare,
        Activity activity,
        Trace trace,
        int from,
        int to) {

    /** Shares of the leg's time the phone said on foot, cycling, in a vehicle (weighted by its confidence). */
    public record Activity(double onFoot, double cycling, double inVehicle) {

        public static final Activity NONE = new Activity(0, 0, 0);
    }
}
