package eu.selfdata.mobility.trip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the person stood still: runs of fixes whose smoothed positions stay within a radius of the
 * run's running centre for at least {@code minStop} (the stay point of Li et al., "Mining user
 * similarity based on location history", ACM GIS 2008, as trackintel and e-mission use it, on the
 * smoothed track). The radius adapts to the fixes' accuracy: {@code stopRadiusPerSigma} standard
 * deviations of their error, at least {@code minStopRadiusM}, at most {@code stayRadiusM}, so the
 * scatter of a wait fits in, whatever the phone. A silence whose straight line is slower than a
 * shuffle ({@value #STILL_GAP_MPS} m/s) does not end a stop, wherever the phone wakes up (a phone
 * that sleeps when still wakes once moved).
 * The approach and the departure are then trimmed off: fixes at either end still moving.
 */
final class Stops {

    static final double STILL_GAP_MPS = 0.3;
    /** Faster than a shuffle: below it, a person is standing, whatever the noise says. */
    static final double MOVING_MPS = 0.5;

    static final double EDGE_MAX_S = 30;
    static final double EDGE_WINDOW_S = 30;
    static final double EDGE_MIN_M = 2;
    static final double EDGE_SPREADS = 2;

    /** A stop over track fixes {@code first..last}. */
    record Stop(int first, int last, long durationMilli) {}

    /** Which stop each fix of a track belongs to. */
    static final class Membership {
        private final int[] stopOf;

        Membership(List<Stop> stops, int size) {
            stopOf = new int[size];
            Arrays.fill(stopOf, -1);
            for (int s = 0; s < stops.size(); s++) {
                Arrays.fill(stopOf, stops.get(s).first(), stops.get(s).last() + 1, s);
            }
        }

        /** Whether the interval from fix k to k + 1 lies inside one stop. */
        boolean inside(int k) {
            return stopOf[k] >= 0 && stopOf[k] == stopOf[k + 1];
        }

        /** Whether fixes a and b are in the same stop. */
        boolean together(int a, int b) {
            return stopOf[a] >= 0 && stopOf[a] == stopOf[b];
        }
    }

    private Stops() {}

    static List<Stop> find(Track track, SegmentationSettings settings) {
        List<Stop> stops = new ArrayList<>();
        int n = track.size();
        long minStop = settings.minStop().toMillis();
        long maxGap = settings.maxGap().toMillis();
        int i = 0;
        while (i < n) {
            double sumX = track.x[i];
            double sumY = track.y[i];
            int j = i;
            while (j + 1 < n && track.chunk[j + 1] == track.chunk[i] && track.time[j + 1] - track.time[j] < maxGap) {
                int count = j - i + 1;
                double cx = sumX / count;
                double cy = sumY / count;
                int next = j + 1;
                if (Geo.norm(track.x[next] - cx, track.y[next] - cy) > radius(track, next, settings)
                        && !sleptHere(track, j, next)) {
                    break;
                }
                j = next;
                sumX += track.x[j];
                sumY += track.y[j];
            }
            if (track.time[j] - track.time[i] >= minStop) {
                Stop trimmed = trimmed(track, i, j, settings);
                if (trimmed.durationMilli() >= minStop) {
                    if (!stops.isEmpty() && samePlace(track, stops.getLast(), trimmed, settings)) {
                        trimmed = measured(track, stops.removeLast().first(), trimmed.last());
                    }
                    stops.add(trimmed);
                    i = j + 1;
                    continue;
                }
            }
            i++;
        }
        return stops;
    }

    /**
     * Two stops one after the other, their centres within the stay radius and nothing between them
     * further than that from either: one stop, whose drift (indoors, Wi-Fi positions wander by tens of
     * metres) broke it in two.
     */
    private static boolean samePlace(Track track, Stop before, Stop after, SegmentationSettings settings) {
        if (track.chunk[before.first()] != track.chunk[after.last()]) {
            return false;
        }
        double[] first = centre(track, before.first(), before.last());
        double[] second = centre(track, after.first(), after.last());
        double radius = settings.stayRadiusM();
        if (Geo.norm(first[0] - second[0], first[1] - second[1]) > radius) {
            return false;
        }
        for (int k = before.last(); k <= after.first(); k++) {
            if (Geo.norm(track.x[k] - first[0], track.y[k] - first[1]) > radius
                    && Geo.norm(track.x[k] - second[0], track.y[k] - second[1]) > radius) {
                return false;
            }
        }
        return true;
    }

    static double radius(Track track, int k, SegmentationSettings settings) {
        return Math.min(
                settings.stayRadiusM(),
                Math.max(settings.minStopRadiusM(), settings.stopRadiusPerSigma() * track.sigma[k]));
    }

    /** A silence of a minute or more, crossed slower than a shuffle: the phone slept while the person stayed. */
    static boolean sleptHere(Track track, int a, int b) {
        double seconds = (track.time[b] - track.time[a]) / 1000.0;
        return seconds >= 60 && track.distanceM(a, b) <= STILL_GAP_MPS * seconds;
    }

    private static Stop trimmed(Track track, int first, int last, SegmentationSettings settings) {
        int from = first;
        int to = last;
        while (from < to && moving(track, from, +1, settings)) {
            from++;
        }
        while (to > from && moving(track, to, -1, settings)) {
            to--;
        }
        return measured(track, from, to);
    }

    /**
     * Still arriving (direction +1) or already leaving (-1): moving faster than {@value #MOVING_MPS}
     * m/s (by the phone's Doppler speed where it sent one, the smoothed track's otherwise) and going
     * further within {@value #EDGE_WINDOW_S} s than the noise left in the smoothed positions
     * ({@value #EDGE_SPREADS} standard deviations) and half the fix's error — the stop starts where
     * the track has (all but) come to rest. Wi-Fi positions drifting indoors, slowly and within their
     * wide error, do not count as moving.
     */
    private static boolean moving(Track track, int k, int direction, SegmentationSettings settings) {
        return track.instantSpeed(k) > MOVING_MPS
                && displacementM(track, k, direction)
                        > Math.max(EDGE_MIN_M, Math.max(EDGE_SPREADS * track.spread[k], track.sigma[k] / 2));
    }

    /**
     * How far the smoothed track goes in the {@value #EDGE_WINDOW_S} s after fix k (direction +1) or
     * came in the {@value #EDGE_WINDOW_S} s before it (-1), at least to the next fix: still arriving,
     * already leaving. Indoor drift, slow and within a wide radius, is neither.
     */
    private static double displacementM(Track track, int k, int direction) {
        long window = (long) (EDGE_WINDOW_S * 1000);
        int j = k + direction;
        if (j < 0 || j >= track.size()) {
            return 0;
        }
        while (j + direction >= 0
                && j + direction < track.size()
                && Math.abs(track.time[j + direction] - track.time[k]) <= window) {
            j += direction;
        }
        return track.distanceM(k, j);
    }

    /**
     * A stop over fixes {@code from..to}: it began somewhere between the fix before and the first,
     * ended between the last and the fix after; half of each interval counts (at most
     * {@value #EDGE_MAX_S} s: a longer silence is not a stop).
     */
    private static Stop measured(Track track, int from, int to) {
        long edge = (long) (EDGE_MAX_S * 1000);
        long before = from > 0 ? Math.min(edge, (track.time[from] - track.time[from - 1]) / 2) : 0;
        long after = to + 1 < track.size() ? Math.min(edge, (track.time[to + 1] - track.time[to]) / 2) : 0;
        return new Stop(from, to, track.time[to] - track.time[from] + before + after);
    }

    /** Mean position of the middle half of fixes {@code first..last}, away from the approach and the departure. */
    private static double[] centre(Track track, int first, int last) {
        int quarter = (last - first) / 4;
        double cx = 0;
        double cy = 0;
        for (int k = first + quarter; k <= last - quarter; k++) {
            cx += track.x[k];
            cy += track.y[k];
        }
        int count = last - quarter - (first + quarter) + 1;
        return new double[] {cx / count, cy / count};
    }
}
