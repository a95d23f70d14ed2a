package eu.selfdata.mobility.trip;

import java.util.Arrays;

/**
 * The length of the path from each fix to the next, on the smoothed track, so that noise adds none
 * at any sampling interval:
 * <ol>
 * <li>the curve: the cubic Hermite curve through the two fixes' smoothed positions and velocities
 * (the path of the smoothing spline the constant-velocity smoother is, Wahba 1978), its velocities
 * given the phone's Doppler speed where it sent one; across a restart (a gap, a tunnel), the straight
 * line, so a gap invents no length;</li>
 * <li>dense fixes, closer in time than the smoother's time scale (rΔt/q)^¼, still carry what noise
 * the smoother left: the track is simplified (Douglas &amp; Peucker, "Algorithms for the reduction of
 * the number of points required to represent a digitized line", Cartographica 10(2), 1973) with a
 * tolerance of {@value #SIMPLIFY_SIGMAS} standard deviations of the smoothed positions, and each
 * stretch between two kept fixes counts for its straight line, shared among its intervals in
 * proportion to their curves. Sparse fixes are all kept: there is no jitter between them, only
 * corners to lose;</li>
 * <li>where the phone measured its speed (Doppler, far more precise than positions) at both ends of
 * an interval of up to {@value #DOPPLER_MAX_S} s — up to {@value #DOPPLER_WALKING_MAX_S} s at walking
 * pace, which changes little, when both ends are walking or the fixes are no further apart than a
 * walker goes (a car stopped at a light at both fixes drove in between) — the interval counts for the
 * mean of the two speeds times its duration. Two zero speeds are taken as none (apps send 0 when the
 * phone gave no speed).</li>
 * </ol>
 */
final class PathLengths {

    private static final double SIMPLIFY_SIGMAS = 2;
    private static final double SIMPLIFY_MIN_M = 1;
    private static final double DOPPLER_MAX_S = 10;
    private static final double DOPPLER_WALKING_MAX_S = 60;
    private static final double[] GAUSS_U = {0.5 - Math.sqrt(0.15), 0.5, 0.5 + Math.sqrt(0.15)};
    private static final double[] GAUSS_W = {5.0 / 18, 8.0 / 18, 5.0 / 18};

    private PathLengths() {}

    static void measure(RtsSmoother filter, double onFootMaxMps) {
        Track track = filter.track;
        int n = filter.n;
        for (int k = 0; k + 1 < n; k++) {
            track.pathM[k] = filter.restarts(k + 1) ? track.distanceM(k, k + 1) : hermiteLength(filter, k, k + 1);
        }
        straightenDense(filter);
        for (int k = 0; k + 1 < n; k++) {
            double dt = filter.seconds(k, k + 1);
            double from = track.trace.speed(track.source[k]);
            double to = track.trace.speed(track.source[k + 1]);
            boolean walking = from <= onFootMaxMps
                    && to <= onFootMaxMps
                    && (from > Stops.MOVING_MPS && to > Stops.MOVING_MPS
                            || track.distanceM(k, k + 1) <= onFootMaxMps * dt);
            boolean steady = dt <= DOPPLER_MAX_S || (dt <= DOPPLER_WALKING_MAX_S && walking);
            if (!filter.restarts(k + 1) && steady && (from > 0 || to > 0)) {
                track.pathM[k] = (from + to) / 2 * dt;
            }
        }
    }

    private static void straightenDense(RtsSmoother filter) {
        Track track = filter.track;
        int n = filter.n;
        boolean[] kept = new boolean[n];
        int start = 0;
        for (int k = 1; k <= n; k++) {
            if (k == n || filter.restarts(k)) {
                simplify(filter, start, k - 1, kept);
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
                double share = curve > 0 ? Math.min(1, track.distanceM(previous, k) / curve) : 0;
                for (int j = previous; j < k; j++) {
                    track.pathM[j] *= share;
                }
            }
            previous = k;
        }
    }

    /** Douglas–Peucker over fixes {@code first..last}, with an explicit stack of spans; marks the fixes kept. */
    private static void simplify(RtsSmoother filter, int first, int last, boolean[] kept) {
        Track track = filter.track;
        kept[first] = true;
        kept[last] = true;
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = first;
        stack[top++] = last;
        while (top > 0) {
            int b = stack[--top];
            int a = stack[--top];
            double dx = track.x[b] - track.x[a];
            double dy = track.y[b] - track.y[a];
            double length = Geo.norm(dx, dy);
            int worst = -1;
            double worstExcess = 0;
            for (int k = a + 1; k < b; k++) {
                if (sparse(filter, k)) {
                    worst = k;
                    break;
                }
                double off = length == 0
                        ? Geo.norm(track.x[k] - track.x[a], track.y[k] - track.y[a])
                        : Math.abs(dx * (track.y[k] - track.y[a]) - dy * (track.x[k] - track.x[a])) / length;
                double excess = off - Math.max(SIMPLIFY_MIN_M, SIMPLIFY_SIGMAS * Math.sqrt(filter.positionVariance[k]));
                if (excess > worstExcess) {
                    worstExcess = excess;
                    worst = k;
                }
            }
            if (worst > 0) {
                kept[worst] = true;
                if (top + 4 > stack.length) {
                    stack = Arrays.copyOf(stack, stack.length * 2);
                }
                stack[top++] = a;
                stack[top++] = worst;
                stack[top++] = worst;
                stack[top++] = b;
            }
        }
    }

    /** Whether fix k is further from a neighbour than the smoother's time scale: Δt⁴ ≥ rΔt/q. */
    private static boolean sparse(RtsSmoother filter, int k) {
        double dt = Math.max(filter.seconds(k - 1, k), filter.seconds(k, k + 1));
        return dt * dt * dt * Math.max(filter.q[k], filter.q[k + 1]) >= filter.variance[k];
    }

    /** Length of the cubic Hermite curve between two fixes (three-point Gauss–Legendre). */
    private static double hermiteLength(RtsSmoother filter, int a, int b) {
        Track track = filter.track;
        double h = filter.seconds(a, b);
        double scaleA = dopplerScale(filter, a);
        double scaleB = dopplerScale(filter, b);
        double px = track.x[b] - track.x[a];
        double py = track.y[b] - track.y[a];
        double length = 0;
        for (int g = 0; g < 3; g++) {
            double u = GAUSS_U[g];
            double chord = 6 * u - 6 * u * u;
            double start = (3 * u * u - 4 * u + 1) * h * scaleA;
            double end = (3 * u * u - 2 * u) * h * scaleB;
            length += GAUSS_W[g]
                    * Geo.norm(
                            chord * px + start * filter.vx[a] + end * filter.vx[b],
                            chord * py + start * filter.vy[a] + end * filter.vy[b]);
        }
        return length;
    }

    /** The factor that gives the smoothed velocity at fix k the speed the phone measured, if it did. */
    private static double dopplerScale(RtsSmoother filter, int k) {
        double measured = filter.track.trace.speed(filter.track.source[k]);
        double smoothed = filter.speed(k);
        return Double.isNaN(measured) || smoothed < 0.1 ? 1 : measured / smoothed;
    }
}
