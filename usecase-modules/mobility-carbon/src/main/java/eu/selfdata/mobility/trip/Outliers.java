package eu.selfdata.mobility.trip;

import java.util.Arrays;

/**
 * Multipath jumps found before smoothing, by speed plausibility against the neighbours (they then
 * enter the first pass with almost no weight; later passes weigh them by their residuals like any
 * fix):
 * <ul>
 * <li>a spike: a fix further from the line between its neighbours than {@value #SIGMAS} standard
 * deviations and than half the way between them — the neighbours agree, it does not. Tried with the
 * neighbour on either side one further away, so that two bad fixes in a row are found too;</li>
 * <li>a burst: fixes that jump away at once (further than {@value #SIGMAS} σ and than
 * {@value #JUMP_STEPS} times the step before), stay off for up to {@value #BURST_MAX_S} s and come
 * back — every one of them off the line between the fix before the jump and the first fix back. A
 * U-turn is not one: it does not start with a jump.</li>
 * </ul>
 */
final class Outliers {

    static final double WEIGHT = 1e-3;
    private static final double SIGMAS = 2.5;
    private static final double BURST_MAX_S = 15;
    private static final double JUMP_STEPS = 3;

    private Outliers() {}

    static void mark(RtsSmoother filter) {
        int n = filter.n;
        for (int k = 1; k < n - 1; k++) {
            if (spike(filter, k, k - 1, k + 1)
                    || (k + 2 < n && spike(filter, k, k - 1, k + 2))
                    || (k >= 2 && spike(filter, k, k - 2, k + 1))) {
                filter.weight[k] = WEIGHT;
            }
        }
        for (int k = 2; k < n; k++) {
            if (filter.restarts(k) || filter.restarts(k - 1) || !jumps(filter, k - 1, k)) {
                continue;
            }
            for (int back = k + 1;
                    back < n && !filter.restarts(back) && filter.seconds(k, back) <= BURST_MAX_S;
                    back++) {
                if (allOff(filter, k - 1, back)) {
                    Arrays.fill(filter.weight, k, back, WEIGHT);
                    break;
                }
            }
        }
    }

    private static boolean jumps(RtsSmoother filter, int a, int b) {
        double step = Geo.norm(filter.zx[b] - filter.zx[a], filter.zy[b] - filter.zy[a]);
        double before = Geo.norm(filter.zx[a] - filter.zx[a - 1], filter.zy[a] - filter.zy[a - 1])
                * filter.seconds(a, b)
                / Math.max(filter.seconds(a - 1, a), 1e-3);
        return step > SIGMAS * Math.sqrt(filter.variance[a] + filter.variance[b]) && step > JUMP_STEPS * before;
    }

    private static boolean allOff(RtsSmoother filter, int before, int after) {
        for (int j = before + 1; j < after; j++) {
            if (!spike(filter, j, before, after)) {
                return false;
            }
        }
        return true;
    }

    private static boolean spike(RtsSmoother filter, int k, int before, int after) {
        for (int j = before + 1; j <= after; j++) {
            if (filter.restarts(j)) {
                return false;
            }
        }
        double[] zx = filter.zx;
        double[] zy = filter.zy;
        double f = filter.seconds(before, k) / filter.seconds(before, after);
        double off = Geo.norm(
                zx[k] - (zx[before] + f * (zx[after] - zx[before])),
                zy[k] - (zy[before] + f * (zy[after] - zy[before])));
        double between = Geo.norm(zx[after] - zx[before], zy[after] - zy[before]);
        double sigma = Math.sqrt(filter.variance[k] + (filter.variance[before] + filter.variance[after]) / 4);
        return off > SIGMAS * sigma && off > between / 2;
    }
}
