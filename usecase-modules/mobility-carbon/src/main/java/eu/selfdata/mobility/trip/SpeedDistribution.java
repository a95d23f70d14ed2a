package eu.selfdata.mobility.trip;

import java.util.Arrays;

/**
 * The speeds of a run of fixes' moving intervals (faster than a shuffle, outside stops), each
 * weighted by its duration: the leg's speed distribution, of which mode inference reads quantiles.
 */
final class SpeedDistribution {

    private final double[] speeds;
    private final double[] seconds;
    private final double total;

    private SpeedDistribution(double[] speeds, double[] seconds, double total) {
        this.speeds = speeds;
        this.seconds = seconds;
        this.total = total;
    }

    /** Over the intervals between fixes {@code from..to} of the track. */
    static SpeedDistribution of(Track track, Stops.Membership stops, int from, int to) {
        int slices = to - from;
        // speed (as float bits, ordered like the speeds: they are not negative) above, interval below
        long[] keys = new long[slices];
        int moving = 0;
        for (int k = from; k < to; k++) {
            double speed = track.pathM[k] / track.seconds(k);
            if (speed >= Stops.MOVING_MPS && !stops.inside(k)) {
                keys[moving++] = ((long) Float.floatToIntBits((float) speed) << 32) | k;
            }
        }
        Arrays.sort(keys, 0, moving);
        double[] speeds = new double[moving];
        double[] seconds = new double[moving];
        double total = 0;
        for (int m = 0; m < moving; m++) {
            int k = (int) keys[m];
            seconds[m] = track.seconds(k);
            speeds[m] = track.pathM[k] / seconds[m];
            total += seconds[m];
        }
        return new SpeedDistribution(speeds, seconds, total);
    }

    /** The speed below which the person moved for a share {@code q} of the moving time; 0 if it never moved. */
    double quantile(double q) {
        if (speeds.length == 0) {
            return 0;
        }
        double target = q * total;
        double cumulated = 0;
        int m = 0;
        while (m < speeds.length - 1 && cumulated + seconds[m] < target) {
            cumulated += seconds[m];
            m++;
        }
        return speeds[m];
    }
}
