package eu.selfdata.mobility.trip;

/**
 * Reconstructs the path behind noisy fixes: a Kalman filter with a constant-velocity model (white
 * noise acceleration, Bar-Shalom, Li &amp; Kirubarajan, <i>Estimation with Applications to Tracking
 * and Navigation</i>, 2001, §6.2.2) in a local metric plane, run forward, then the
 * Rauch–Tung–Striebel smoother backward (Rauch, Tung &amp; Striebel, AIAA Journal 3(8), 1965). The
 * smoothed path of this model is a cubic smoothing spline (Wahba 1978), which is what distances
 * are measured on: between two fixes, the length of the cubic Hermite curve through their smoothed
 * positions and velocities; across a gap, the straight line.
 * <ul>
 * <li>Each fix counts as much as its reported accuracy says: the phone's accuracy is the radius of
 * 68 % confidence, 1.51 standard deviations of a circular Gaussian error per axis.</li>
 * <li>Outliers (multipath jumps) are down-weighted: first a fix that its two neighbours contradict
 * (a spike: the in and out speeds implausible, the neighbours agreeing), then by treating errors as
 * Student-t: the weights of
 * an EM iteration for the Student-t state-space model (Agamennoni, Nieto &amp; Nebot, IEEE Trans.
 * Signal Processing 60(10), 2012), a fix's variance divided by (ν + 2) / (ν + its normalised squared
 * residual); the first pass weighs each fix by its innovation as it goes.</li>
 * <li>The process noise follows the speed: a walker turns gently, a car brakes and turns hard.
 * The spectral density of the acceleration is {@code q = q₀ + v³ / L + Δv² / W}: heading changes of
 * about a radian every {@code L} metres, and starts and stops — Δv, the change of mean speed across
 * a window of {@code W} = {@value #ACCELERATION_WINDOW_S} s either side — from the speeds of the
 * previous pass.</li>
 * <li>A silence longer than {@value #RESTART_GAP_S} s restarts the filter: nothing is assumed about
 * what happened in it.</li>
 * </ul>
 * Three passes (robust first pass, then two with the weights and process noise of the previous),
 * each linear in the number of fixes.
 */
final class TrackSmoother {

    /** Accuracy radius (68 %) over the standard deviation per axis of a circular Gaussian. */
    static final double ACCURACY_PER_SIGMA = 1.51;
    static final double RESTART_GAP_S = 120;
    static final double ACCELERATION_WINDOW_S = 10;
    private static final double NU = 4;
    private static final double SPIKE_SIGMAS = 2.5;
    private static final double SIMPLIFY_SIGMAS = 2;
    private static final double SIMPLIFY_MIN_M = 1;
    private static final double DOPPLER_MAX_S = 10;
    private static final double SPIKE_WEIGHT = 1e-3;
    private static final double BURST_MAX_S = 15;
    private static final double JUMP_STEPS = 3;
    private static final double FIRST_PASS_Q = 4;
    private static final double STILL_Q = 0.01;
    private static final double TURN_RATE = 0.1;
    private static final double INITIAL_SPEED_VARIANCE = 30 * 30;
    private static final double CHUNK_RADIUS_M = 100_000;
    private static final int PASSES = 3;

    private TrackSmoother() {
    }

    static Track smooth(Trace trace, SegmentationSettings settings) {
        int kept = 0;
        for (int i = 0; i < trace.size(); i++) {
            if (!(trace.accuracy(i) > settings.maxAccuracyM())) {
                kept++;
            }
        }
        Track track = new Track(trace, kept);
        if (kept == 0) {
            return track;
        }
        double[] variance = new double[kept];
        int k = 0;
        for (int i = 0; i < trace.size(); i++) {
            double accuracy = trace.accuracy(i);
            if (accuracy > settings.maxAccuracyM()) {
                continue;
            }
            track.source[k] = i;
            track.time[k] = trace.time(i);
            double sigma = (Double.isNaN(accuracy) ? settings.unknownAccuracyM() : Math.max(accuracy, 1)) / ACCURACY_PER_SIGMA;
            track.sigma[k] = sigma;
            variance[k] = sigma * sigma;
            k++;
        }
        project(trace, track);
        Passes passes = new Passes(track, variance);
        passes.run();
        unproject(track);
        passes.measure();
        return track;
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

    private static final double METRES_PER_DEGREE = Geo.EARTH_RADIUS_M * Math.PI / 180;

    /** The filter's arrays, reused by every pass. */
    private static final class Passes {
        private final Track track;
        private final int n;
        private final double[] zx;
        private final double[] zy;
        private final double[] variance;
        private final double[] weight;
        private final double[] q;
        // filtered state and covariance (shared by both axes: same model, isotropic noise)
        private final double[] fx;
        private final double[] fvx;
        private final double[] fy;
        private final double[] fvy;
        private final double[] f00;
        private final double[] f01;
        private final double[] f11;
        // smoothed velocity and position variance
        private final double[] vx;
        private final double[] vy;
        private final double[] positionVariance;

        Passes(Track track, double[] variance) {
            this.track = track;
            this.n = track.size;
            this.variance = variance;
            zx = track.x.clone();
            zy = track.y.clone();
            weight = new double[n];
            q = new double[n];
            fx = new double[n];
            fvx = new double[n];
            fy = new double[n];
            fvy = new double[n];
            f00 = new double[n];
            f01 = new double[n];
            f11 = new double[n];
            vx = new double[n];
            vy = new double[n];
            positionVariance = new double[n];
        }

        void run() {
            java.util.Arrays.fill(weight, 1);
            markSpikes();
            java.util.Arrays.fill(q, FIRST_PASS_Q);
            forward(true);
            backward();
            for (int pass = 1; pass < PASSES; pass++) {
                reweigh();
                adaptProcessNoise();
                forward(false);
                backward();
            }
        }

        /**
         * A fix far from the line between its neighbours (more than {@value #SPIKE_SIGMAS} standard
         * deviations and more than half the way between them) is a spike: the neighbours agree, it does
         * not — a multipath jump. Tried with the neighbour on either side one further away, so that two
         * bad fixes in a row are found too. Spikes enter the first pass with almost no weight; later
         * passes weigh them by their residuals like any fix.
         */
        private void markSpikes() {
            for (int k = 1; k < n - 1; k++) {
                if (spike(k, k - 1, k + 1) || (k + 2 < n && spike(k, k - 1, k + 2)) || (k >= 2 && spike(k, k - 2, k + 1))) {
                    weight[k] = SPIKE_WEIGHT;
                }
            }
            markBursts();
        }

        /**
         * A burst: fixes that jump away at once (further than {@value #SPIKE_SIGMAS} σ and several times
         * the step before), stay off for up to {@value #BURST_MAX_S} s, then come back — every one of
         * them off the line between the fix before the jump and the first fix back. A U-turn is not one:
         * it does not start with a jump.
         */
        private void markBursts() {
            for (int k = 2; k < n; k++) {
                if (restarts(k) || restarts(k - 1) || !jumps(k - 1, k)) {
                    continue;
                }
                for (int back = k + 1; back < n && !restarts(back) && seconds(k, back) <= BURST_MAX_S; back++) {
                    if (allOff(k - 1, back, k, back - 1)) {
                        java.util.Arrays.fill(weight, k, back, SPIKE_WEIGHT);
                        break;
                    }
                }
            }
        }

        private boolean jumps(int a, int b) {
            double step = Math.hypot(zx[b] - zx[a], zy[b] - zy[a]);
            double before = Math.hypot(zx[a] - zx[a - 1], zy[a] - zy[a - 1]) * seconds(a, b) / Math.max(seconds(a - 1, a), 1e-3);
            return step > SPIKE_SIGMAS * Math.sqrt(variance[a] + variance[b]) && step > JUMP_STEPS * before;
        }

        private boolean allOff(int before, int after, int from, int to) {
            for (int j = from; j <= to; j++) {
                if (!spike(j, before, after)) {
                    return false;
                }
            }
            return true;
        }

        private boolean spike(int k, int before, int after) {
            for (int j = before + 1; j <= after; j++) {
                if (restarts(j)) {
                    return false;
                }
            }
            double f = seconds(before, k) / seconds(before, after);
            double ex = zx[k] - (zx[before] + f * (zx[after] - zx[before]));
            double ey = zy[k] - (zy[before] + f * (zy[after] - zy[before]));
            double off = Math.hypot(ex, ey);
            double between = Math.hypot(zx[after] - zx[before], zy[after] - zy[before]);
            double sigma = Math.sqrt(variance[k] + (variance[before] + variance[after]) / 4);
            return off > SPIKE_SIGMAS * sigma && off > between / 2;
        }

        private boolean restarts(int k) {
            return k == 0 || track.chunk[k] != track.chunk[k - 1] || seconds(k - 1, k) > RESTART_GAP_S;
        }

        private double seconds(int a, int b) {
            return (track.time[b] - track.time[a]) / 1000.0;
        }

        private void forward(boolean robustOnline) {
            for (int k = 0; k < n; k++) {
                if (restarts(k)) {
                    fx[k] = zx[k];
                    fy[k] = zy[k];
                    fvx[k] = 0;
                    fvy[k] = 0;
                    f00[k] = variance[k];
                    f01[k] = 0;
                    f11[k] = INITIAL_SPEED_VARIANCE;
                    continue;
                }
                double dt = seconds(k - 1, k);
                double qk = q[k];
                double p00 = f00[k - 1] + 2 * dt * f01[k - 1] + dt * dt * f11[k - 1] + qk * dt * dt * dt / 3;
                double p01 = f01[k - 1] + dt * f11[k - 1] + qk * dt * dt / 2;
                double p11 = f11[k - 1] + qk * dt;
                double px = fx[k - 1] + dt * fvx[k - 1];
                double py = fy[k - 1] + dt * fvy[k - 1];
                double ix = zx[k] - px;
                double iy = zy[k] - py;
                double w = weight[k];
                if (robustOnline) {
                    double nis = (ix * ix + iy * iy) / (p00 + variance[k] / w);
                    w = Math.min(w, (NU + 2) / (NU + nis));
                    weight[k] = w;
                }
                double r = variance[k] / Math.max(w, 1e-9);
                double s = p00 + r;
                double k0 = p00 / s;
                double k1 = p01 / s;
                fx[k] = px + k0 * ix;
                fy[k] = py + k0 * iy;
                fvx[k] = fvx[k - 1] + k1 * ix;
                fvy[k] = fvy[k - 1] + k1 * iy;
                f00[k] = (1 - k0) * p00;
                f01[k] = (1 - k0) * p01;
                f11[k] = p11 - k1 * p01;
            }
        }

        /** Rauch–Tung–Striebel: smoothed positions into the track, velocities and position variances here. */
        private void backward() {
            double s00 = 0;
            double s01 = 0;
            double s11 = 0;
            for (int k = n - 1; k >= 0; k--) {
                if (k == n - 1 || restarts(k + 1)) {
                    track.x[k] = fx[k];
                    track.y[k] = fy[k];
                    vx[k] = fvx[k];
                    vy[k] = fvy[k];
                    s00 = f00[k];
                    s01 = f01[k];
                    s11 = f11[k];
                    positionVariance[k] = s00;
                    continue;
                }
                double dt = seconds(k, k + 1);
                double qk = q[k + 1];
                double a00 = f00[k] + dt * f01[k];
                double a10 = f01[k] + dt * f11[k];
                double p00 = a00 + dt * a10 + qk * dt * dt * dt / 3;
                double p01 = a10 + qk * dt * dt / 2;
                double p11 = f11[k] + qk * dt;
                double det = p00 * p11 - p01 * p01;
                double c00 = (a00 * p11 - f01[k] * p01) / det;
                double c01 = (f01[k] * p00 - a00 * p01) / det;
                double c10 = (a10 * p11 - f11[k] * p01) / det;
                double c11 = (f11[k] * p00 - a10 * p01) / det;
                double dxp = track.x[k + 1] - (fx[k] + dt * fvx[k]);
                double dvx = vx[k + 1] - fvx[k];
                double dyp = track.y[k + 1] - (fy[k] + dt * fvy[k]);
                double dvy = vy[k + 1] - fvy[k];
                track.x[k] = fx[k] + c00 * dxp + c01 * dvx;
                vx[k] = fvx[k] + c10 * dxp + c11 * dvx;
                track.y[k] = fy[k] + c00 * dyp + c01 * dvy;
                vy[k] = fvy[k] + c10 * dyp + c11 * dvy;
                double d00 = s00 - p00;
                double d01 = s01 - p01;
                double d11 = s11 - p11;
                s00 = f00[k] + c00 * c00 * d00 + 2 * c00 * c01 * d01 + c01 * c01 * d11;
                double n01 = f01[k] + c00 * c10 * d00 + (c00 * c11 + c01 * c10) * d01 + c01 * c11 * d11;
                s11 = f11[k] + c10 * c10 * d00 + 2 * c10 * c11 * d01 + c11 * c11 * d11;
                s01 = n01;
                positionVariance[k] = s00;
            }
        }

        /** Student-t weights from each fix's expected squared residual given everything (E step). */
        private void reweigh() {
            for (int k = 0; k < n; k++) {
                double ex = zx[k] - track.x[k];
                double ey = zy[k] - track.y[k];
                double normalised = (ex * ex + ey * ey + 2 * positionVariance[k]) / variance[k];
                weight[k] = (NU + 2) / (NU + normalised);
            }
        }

        /**
         * q for the interval ending at each fix: heading changes, from the faster of the previous pass's
         * speeds at its two ends, plus starts and stops, from how much the mean speed over the
         * {@value #ACCELERATION_WINDOW_S} s after it differs from the mean over the same time before.
         */
        private void adaptProcessNoise() {
            double[] speed = new double[n];
            double[] cumulated = new double[n];
            for (int k = 0; k < n; k++) {
                speed[k] = Math.hypot(vx[k], vy[k]);
                cumulated[k] = k == 0 ? 0 : cumulated[k - 1] + (speed[k - 1] + speed[k]) / 2 * seconds(k - 1, k);
            }
            long window = (long) (ACCELERATION_WINDOW_S * 1000);
            int low = 0;
            int high = 0;
            for (int k = 0; k < n; k++) {
                while (track.time[k] - track.time[low] > window) {
                    low++;
                }
                while (high + 1 < n && track.time[high + 1] - track.time[k] <= window) {
                    high++;
                }
                int before = Math.min(low, Math.max(k - 1, 0));
                int after = Math.max(high, Math.min(k + 1, n - 1));
                double meanBefore = k > before ? (cumulated[k] - cumulated[before]) / seconds(before, k) : speed[k];
                double meanAfter = after > k ? (cumulated[after] - cumulated[k]) / seconds(k, after) : speed[k];
                double change = meanAfter - meanBefore;
                double v = k > 0 ? Math.max(speed[k], speed[k - 1]) : speed[k];
                q[k] = STILL_Q + TURN_RATE * v * v;
            }
        }

        /**
         * Speeds and path lengths from the last pass. Between restarts, the smoothed track is simplified
         * (Douglas–Peucker): what deviates less than the noise left in it ({@value #SIMPLIFY_SIGMAS}
         * posterior standard deviations) is not a feature of the path and adds no length; a stretch
         * between two kept fixes counts for its straight line, shared among its intervals in proportion
         * to their curve lengths. Sparse fixes (further apart than the smoother's time scale) are all
         * kept: each interval keeps its curve length.
         */
        void measure() {
            for (int k = 0; k < n; k++) {
                track.speed[k] = Math.hypot(vx[k], vy[k]);
                if (k + 1 < n) {
                    track.pathM[k] = restarts(k + 1) ? track.distanceM(k, k + 1) : hermiteLength(k, k + 1);
                }
            }
            boolean[] kept = new boolean[n];
            int start = 0;
            for (int k = 1; k <= n; k++) {
                if (k == n || restarts(k)) {
                    simplify(start, k - 1, kept);
                    start = k;
                }
            }
            int previous = 0;
            for (int k = 1; k < n; k++) {
                if (!kept[k]) {
                    continue;
                }
                if (k - previous > 1) {
                    double curve = 0;
                    for (int j = previous; j < k; j++) {
                        curve += track.pathM[j];
                    }
                    double straight = track.distanceM(previous, k);
                    double share = curve > 0 ? Math.min(1, straight / curve) : 0;
                    for (int j = previous; j < k; j++) {
                        track.pathM[j] *= share;
                    }
                }
                previous = k;
            }
            for (int k = 0; k + 1 < n; k++) {
                double dt = seconds(k, k + 1);
                double from = track.trace.speed(track.source[k]);
                double to = track.trace.speed(track.source[k + 1]);
                if (!restarts(k + 1) && dt <= DOPPLER_MAX_S && !Double.isNaN(from) && !Double.isNaN(to)) {
                    if (from > 0 || to > 0) {
                        track.pathM[k] = (from + to) / 2 * dt;
                    }
                }
            }
        }

        /**
         * Whether fix k is further from a neighbour than the smoother's time scale (rΔt/q)^¼ (where
         * consecutive smoothed positions are all but independent): there is no jitter to take out
         * between such fixes, only corners to lose.
         */
        private boolean sparse(int k) {
            double before = seconds(k - 1, k);
            double after = seconds(k, k + 1);
            double dt = Math.max(before, after);
            return dt * dt * dt * Math.max(q[k], q[k + 1]) >= variance[k];
        }

        /** Douglas–Peucker over fixes {@code first..last}, with an explicit stack; marks the fixes kept. */
        private void simplify(int first, int last, boolean[] kept) {
            kept[first] = true;
            kept[last] = true;
            java.util.ArrayDeque<int[]> pending = new java.util.ArrayDeque<>();
            pending.push(new int[] {first, last});
            while (!pending.isEmpty()) {
                int[] span = pending.pop();
                int a = span[0];
                int b = span[1];
                double dx = track.x[b] - track.x[a];
                double dy = track.y[b] - track.y[a];
                double length = Math.hypot(dx, dy);
                int worst = -1;
                double worstExcess = 0;
                for (int k = a + 1; k < b; k++) {
                    if (sparse(k)) {
                        worst = k;
                        break;
                    }
                    double off = length == 0 ? Math.hypot(track.x[k] - track.x[a], track.y[k] - track.y[a])
                            : Math.abs(dx * (track.y[k] - track.y[a]) - dy * (track.x[k] - track.x[a])) / length;
                    double excess = off - Math.max(SIMPLIFY_MIN_M, SIMPLIFY_SIGMAS * Math.sqrt(positionVariance[k]));
                    if (excess > worstExcess) {
                        worstExcess = excess;
                        worst = k;
                    }
                }
                if (worst > 0) {
                    kept[worst] = true;
                    pending.push(new int[] {a, worst});
                    pending.push(new int[] {worst, b});
                }
            }
        }

        /** Length of the cubic Hermite curve between two fixes (three-point Gauss–Legendre). */
        private double hermiteLength(int a, int b) {
            double h = seconds(a, b);
            double scaleA = dopplerScale(a);
            double scaleB = dopplerScale(b);
            double px = track.x[b] - track.x[a];
            double py = track.y[b] - track.y[a];
            double length = 0;
            for (int g = 0; g < 3; g++) {
                double u = GAUSS_U[g];
                double dx = (6 * u * u - 6 * u) * -px + (3 * u * u - 4 * u + 1) * h * vx[a] * scaleA + (3 * u * u - 2 * u) * h * vx[b] * scaleB;
                double dy = (6 * u * u - 6 * u) * -py + (3 * u * u - 4 * u + 1) * h * vy[a] * scaleA + (3 * u * u - 2 * u) * h * vy[b] * scaleB;
                length += GAUSS_W[g] * Math.hypot(dx, dy);
            }
            return length;
        }

        /** The factor that gives the smoothed velocity at fix k the speed the phone measured, if it did. */
        private double dopplerScale(int k) {
            double measured = track.trace.speed(track.source[k]);
            double smoothed = Math.hypot(vx[k], vy[k]);
            return Double.isNaN(measured) || smoothed < 0.1 ? 1 : measured / smoothed;
        }

        private static final double[] GAUSS_U = {0.5 - Math.sqrt(0.15), 0.5, 0.5 + Math.sqrt(0.15)};
        private static final double[] GAUSS_W = {5.0 / 18, 8.0 / 18, 5.0 / 18};
    }
}
