package eu.selfdata.mobility.trip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a trace into trips at stays and each trip into legs, in time linear in the number of
 * points:
 * <ol>
 * <li>noise: fixes less accurate than {@code maxAccuracyM} or reached faster than
 * {@code maxSpeedMps} are dropped;</li>
 * <li>stays: the phone is staying when all fixes of the last {@code stayDwell} fit in a circle of
 * {@code stayRadiusM} — tested on their bounding box (half-diagonal), kept by monotonic queues
 * over a sliding time window. A silence of {@code stayDwell} or more without leaving the radius is
 * a stay too (phones stop recording when still); a silence of {@code maxGap} ends a trip;</li>
 * <li>trips: movement between stays, from the last fix of one stay to the first of the next,
 * kept from {@code minTripDistanceM} on;</li>
 * <li>legs: steps on foot or riding, short runs folded into their neighbours.</li>
 * </ol>
 */
public final class Segmenter {

    private final SegmentationSettings settings;
    private final ModeInference modes;

    public Segmenter(SegmentationSettings settings, ModeInference modes) {
        this.settings = settings;
        this.modes = modes;
    }

    public List<Trip> segment(Trace trace) {
        Trace kept = withoutNoise(trace);
        int n = kept.size();
        boolean[] stay = new boolean[n];
        boolean[] breakBefore = new boolean[n];
        markStays(kept, stay, breakBefore);
        trimStays(kept, stay, breakBefore);
        List<Trip> trips = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (stay[i]) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            while (last + 1 < n && !stay[last + 1] && !breakBefore[last + 1]) {
                last++;
            }
            int from = first > 0 && stay[first - 1] && !breakBefore[first] ? first - 1 : first;
            int to = last + 1 < n && stay[last + 1] && !breakBefore[last + 1] ? last + 1 : last;
            if (to > from) {
                Trip trip = trip(kept, from, to);
                if (trip != null) {
                    trips.add(trip);
                }
            }
            i = last + 1;
        }
        return trips;
    }

    private Trace withoutNoise(Trace trace) {
        Trace kept = new Trace(trace.size());
        int previous = -1;
        int rejectedInARow = 0;
        for (int i = 0; i < trace.size(); i++) {
            double accuracy = trace.accuracy(i);
            if (accuracy > settings.maxAccuracyM()) {
                continue;
            }
            if (previous >= 0) {
                double metres = Geo.distanceM(trace.lat(previous), trace.lon(previous), trace.lat(i), trace.lon(i));
                double seconds = (trace.time(i) - trace.time(previous)) / 1000.0;
                // Three jumps in a row agreeing with each other mean the earlier fix was the outlier.
                if (metres > settings.maxSpeedMps() * seconds && ++rejectedInARow < 3) {
                    continue;
                }
            }
            kept.add(trace.time(i), trace.lat(i), trace.lon(i), accuracy);
            previous = i;
            rejectedInARow = 0;
        }
        return kept;
    }

    private void markStays(Trace trace, boolean[] stay, boolean[] breakBefore) {
        int n = trace.size();
        long dwell = settings.stayDwell().toMillis();
        long maxGap = settings.maxGap().toMillis();
        Extremes box = new Extremes(trace);
        int start = 0;
        int markedTo = -1;
        for (int j = 0; j < n; j++) {
            if (j > 0 && trace.time(j) - trace.time(j - 1) >= maxGap) {
                breakBefore[j] = true;
                box.clear();
                start = j;
            }
            box.push(j);
            while (start < j && trace.time(j) - trace.time(start + 1) >= dwell) {
                start++;
            }
            box.dropBefore(start);
            if (trace.time(j) - trace.time(start) >= dwell && box.halfDiagonalM() <= settings.stayRadiusM()) {
                Arrays.fill(stay, Math.max(start, markedTo + 1), j + 1, true);
                markedTo = j;
            }
        }
    }

    /**
     * A window is found staying only once the phone has been within the radius for the whole dwell,
     * so a stay first takes in the approach and the departure (up to twice the radius). Fixes at
     * either end of a stay further than a quarter of the radius from its centre give them back to
     * the trips.
     */
    private void trimStays(Trace trace, boolean[] stay, boolean[] breakBefore) {
        int n = trace.size();
        double edge = settings.stayRadiusM() / 4;
        int i = 0;
        while (i < n) {
            if (!stay[i]) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            while (last + 1 < n && stay[last + 1] && !breakBefore[last + 1]) {
                last++;
            }
            double[] centre = centre(trace, first, last);
            int from = first;
            int to = last;
            while (from < to && Geo.distanceM(centre[0], centre[1], trace.lat(from), trace.lon(from)) > edge) {
                from++;
            }
            while (to > from && Geo.distanceM(centre[0], centre[1], trace.lat(to), trace.lon(to)) > edge) {
                to--;
            }
            if (to > from) {
                Arrays.fill(stay, first, from, false);
                Arrays.fill(stay, to + 1, last + 1, false);
            }
            i = last + 1;
        }
    }

    /** Mean position of a stay's middle half, away from its approach and departure. */
    private static double[] centre(Trace trace, int first, int last) {
        int quarter = (last - first) / 4;
        double lat = 0;
        double lon = 0;
        int count = 0;
        for (int k = first + quarter; k <= last - quarter; k++) {
            lat += trace.lat(k);
            lon += trace.lon(k);
            count++;
        }
        return new double[] {lat / count, lon / count};
    }

    /** A trip over fixes {@code from..to}, or null when it moved too little to be one. */
    private Trip trip(Trace trace, int from, int to) {
        Steps steps = Steps.of(trace, from, to, settings.minStepM());
        if (steps.totalDistanceM() < settings.minTripDistanceM()) {
            return null;
        }
        int[] runEnds = steps.runs(settings.onFootMaxMps(), settings.minLegDuration().toMillis());
        List<Leg> legs = new ArrayList<>(runEnds.length);
        int firstStep = 0;
        for (int runEnd : runEnds) {
            legs.add(leg(trace, steps, firstStep, runEnd));
            firstStep = runEnd + 1;
        }
        return new Trip(trace.time(from), trace.time(to), steps.totalDistanceM(), legs);
    }

    private Leg leg(Trace trace, Steps steps, int firstStep, int lastStep) {
        int from = steps.startPoint(firstStep);
        int to = steps.endPoint(lastStep);
        double distance = steps.distanceM(firstStep, lastStep);
        double[] speeds = steps.speeds(firstStep, lastStep);
        Arrays.sort(speeds);
        double median = percentile(speeds, 0.5);
        double p95 = percentile(speeds, 0.95);
        long duration = trace.time(to) - trace.time(from);
        TravelMode mode = modes.infer(new LegProfile(distance, duration, median, p95, trace, from, to));
        return new Leg(trace.time(from), trace.time(to), distance, median, p95, mode,
                trace.lat(from), trace.lon(from), trace.lat(to), trace.lon(to));
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    /** Bounding box of a sliding window of fixes, by monotonic queues of indices. */
    private static final class Extremes {
        private final Trace trace;
        private final int[] minLat;
        private final int[] maxLat;
        private final int[] minLon;
        private final int[] maxLon;
        private final int[] heads = new int[4];
        private final int[] tails = new int[4];

        Extremes(Trace trace) {
            this.trace = trace;
            int n = trace.size();
            minLat = new int[n];
            maxLat = new int[n];
            minLon = new int[n];
            maxLon = new int[n];
        }

        void clear() {
            Arrays.fill(heads, 0);
            Arrays.fill(tails, 0);
        }

        void push(int i) {
            push(0, minLat, i, trace.lat(i), true);
            push(1, maxLat, i, trace.lat(i), false);
            push(2, minLon, i, trace.lon(i), true);
            push(3, maxLon, i, trace.lon(i), false);
        }

        private void push(int q, int[] queue, int i, double value, boolean min) {
            while (tails[q] > heads[q]) {
                int last = queue[tails[q] - 1];
                double lastValue = q < 2 ? trace.lat(last) : trace.lon(last);
                if (min ? lastValue < value : lastValue > value) {
                    break;
                }
                tails[q]--;
            }
            queue[tails[q]++] = i;
        }

        void dropBefore(int start) {
            dropBefore(0, minLat, start);
            dropBefore(1, maxLat, start);
            dropBefore(2, minLon, start);
            dropBefore(3, maxLon, start);
        }

        private void dropBefore(int q, int[] queue, int start) {
            while (heads[q] < tails[q] && queue[heads[q]] < start) {
                heads[q]++;
            }
        }

        double halfDiagonalM() {
            double south = trace.lat(minLat[heads[0]]);
            double north = trace.lat(maxLat[heads[1]]);
            double west = trace.lon(minLon[heads[2]]);
            double east = trace.lon(maxLon[heads[3]]);
            return Geo.distanceM(south, west, north, east) / 2;
        }
    }
}
