package eu.selfdata.mobility.trip;

import java.util.Arrays;

/**
 * Reconstructs the path behind noisy fixes, in three passes each linear in the number of fixes:
 * <ol>
 * <li>the fixes go into a local metric plane (equirectangular around the first fix of each
 * {@value #CHUNK_RADIUS_M} m chunk), each with the variance its reported accuracy gives: the
 * phone's accuracy is the radius of 68 % confidence, {@value #ACCURACY_PER_SIGMA} standard deviations
 * of a circular Gaussian error per axis ({@code unknownAccuracyM} where the file gives none);</li>
 * <li>{@link Outliers} marks spikes and bursts (multipath jumps) by speed plausibility;</li>
 * <li>a first {@link RtsSmoother} pass with a generous process noise ({@value #FIRST_PASS_Q} m²/s³,
 * a car's turns) caps each fix's weight by its innovation;</li>
 * <li>two more passes, each with the Student-t weights of the previous pass's residuals and a process
 * noise following the speed: a walker turns gently, a car brakes and turns hard —
 * {@code q = q₀ + D v²}, the heading wandering by about √D radians per √s;</li>
 * <li>{@link PathLengths} measures the path from fix to fix on the smoothed track.</li>
 * </ol>
 */
final class TrackSmoother {

    /** Accuracy radius (68 %) over the standard deviation per axis of a circular Gaussian. */
    static final double ACCURACY_PER_SIGMA = 1.51;

    private static final double NU = 4;
    private static final double FIRST_PASS_Q = 4;
    private static final double STILL_Q = 0.01;
    private static final double TURN_RATE = 0.1;
    private static final double CHUNK_RADIUS_M = 100_000;
    private static final int PASSES = 3;
    private static final double METRES_PER_DEGREE = Geo.EARTH_RADIUS_M * Math.PI / 180;

    private TrackSmoother() {}

    static Track smooth(Trace trace, SegmentationSettings settings) {
        int kept = 0;
        for (int i = 0; i < trace.size(); i++) {
            if (!(trace.accuracy(i) > settings.maxAccuracyM())) {
                kept++;
            }
        }
        Track track = new Track(trace, kept);
        double[] variance = new double[kept];
        int k = 0;
        for (int i = 0; i < trace.size(); i++) {
            double accuracy = trace.accuracy(i);
            if (accuracy > settings.maxAccuracyM()) {
                continue;
            }
            track.source[k] = i;
            track.time[k] = trace.time(i);
            double sigma =
                    (Double.isNaN(accuracy) ? settings.unknownAccuracyM() : Math.max(accuracy, 1)) / ACCURACY_PER_SIGMA;
            track.sigma[k] = sigma;
            variance[k] = sigma * sigma;
            k++;
        }
        project(trace, track);
        RtsSmoother filter = new RtsSmoother(track, variance);
        Outliers.mark(filter);
        Arrays.fill(filter.q, FIRST_PASS_Q);
        filter.pass(true, NU);
        for (int pass = 1; pass < PASSES; pass++) {
            filter.reweigh(NU);
            adaptProcessNoise(filter);
            filter.pass(false, NU);
        }
        unproject(track);
        for (int j = 0; j < kept; j++) {
            track.speed[j] = filter.speed(j);
            track.spread[j] = Math.sqrt(filter.positionVariance[j]);
        }
        PathLengths.measure(filter, settings.onFootMaxMps());
        return track;
    }

    /**
     * q for the interval ending at each fix: {@code q₀ + D v²}, v the faster of the previous pass's
     * speeds at its two ends — the heading of a walker or a vehicle wanders by about √D radians per
     * √s whatever its speed, so a turn at v costs an acceleration of order v·√D.
     */
    private static void adaptProcessNoise(RtsSmoother filter) {
        for (int k = 0; k < filter.n; k++) {
            double v = k > 0 ? Math.max(speed(filter, k), speed(filter, k - 1)) : speed(filter, k);
            filter.q[k] = STILL_Q + TURN_RATE * v * v;
        }
    }

    /** The faster of the smoothed speed and the phone's own (Doppler) at fix k: a departure the smoother lags behind still gets room. */
    private static double speed(RtsSmoother filter, int k) {
        double measured = filter.track.trace.speed(filter.track.source[k]);
        return Double.isNaN(measured) ? filter.speed(k) : Math.max(measured, filter.speed(k));
    }

    /** Metres east and north of each chunk's first fix; a new chunk starts {@value #CHUNK_RADIUS_M} m away. */
    private static void project(Trace trace, Track track) {
        double anchorLat = 0;
        double anchorLon = 0;
        double cos = 1;
        int chunk = -1;
        for (int k = 0; k < track.size; k++) {
            int i = track.source[k];
            double dx = (trace.lon(i) - anchorLon) * cos * METRES_PER_DEGREE;
            double dy = (trace.lat(i) - anchorLat) * METRES_PER_DEGREE;
            if (chunk < 0 || Math.abs(dx) > CHUNK_RADIUS_M || Math.abs(dy) > CHUNK_RADIUS_M) {
                anchorLat = trace.lat(i);
                anchorLon = trace.lon(i);
                cos = Math.cos(Math.toRadians(anchorLat));
                chunk++;
                dx = 0;
                dy = 0;
                track.lat[k] = anchorLat;
                track.lon[k] = anchorLon;
            }
            track.chunk[k] = chunk;
            track.x[k] = dx;
            track.y[k] = dy;
        }
    }

    /** Back to degrees: each chunk's anchor was stored on its first fix. */
    private static void unproject(Track track) {
        double anchorLat = 0;
        double anchorLon = 0;
        double cos = 1;
        int chunk = -1;
        for (int k = 0; k < track.size; k++) {
            if (track.chunk[k] != chunk) {
                chunk = track.chunk[k];
                anchorLat = track.lat[k];
                anchorLon = track.lon[k];
                cos = Math.cos(Math.toRadians(anchorLat));
            }
            track.lat[k] = anchorLat + track.y[k] / METRES_PER_DEGREE;
            track.lon[k] = anchorLon + track.x[k] / (cos * METRES_PER_DEGREE);
        }
    }
}
