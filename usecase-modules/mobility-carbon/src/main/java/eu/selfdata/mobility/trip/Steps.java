package eu.selfdata.mobility.trip;

import java.util.Arrays;

/**
 * A trip's fixes thinned to steps of at least {@code minStepM}, and at least the two fixes' accuracy
 * radii added: each step goes from an anchor fix to the first later fix that far away (the last
 * step ends at the trip's end, however short).
 * Jitter of a still phone stays inside one step, so it adds neither distance nor speed.
 */
final class Steps {

    private static final long SMOOTHING_MILLI = 2_500;

    private final int[] start;
    private final int[] end;
    private final double[] distanceM;
    private final double[] speedMps;
    private final long[] durationMilli;
    private final int count;
    private final double totalDistanceM;

    private Steps(int[] start, int[] end, double[] distanceM, double[] speedMps, long[] durationMilli, int count, double total) {
        this.start = start;
        this.end = end;
        this.distanceM = distanceM;
        this.speedMps = speedMps;
        this.durationMilli = durationMilli;
        this.count = count;
        this.totalDistanceM = total;
    }

    static Steps of(Trace trace, int from, int to, double minStepM) {
        int capacity = to - from;
        int[] start = new int[capacity];
        int[] end = new int[capacity];
        double[] distance = new double[capacity];
        double[] speed = new double[capacity];
        long[] duration = new long[capacity];
        double[][] smooth = smoothed(trace, from, to);
        double[] lat = smooth[0];
        double[] lon = smooth[1];
        int count = 0;
        double total = 0;
        int anchor = from;
        for (int i = from + 1; i <= to; i++) {
            double d = Geo.distanceM(lat[anchor - from], lon[anchor - from], lat[i - from], lon[i - from]);
            if (d >= Math.max(minStepM, uncertaintyM(trace, anchor) + uncertaintyM(trace, i)) || i == to) {
                long millis = trace.time(i) - trace.time(anchor);
                start[count] = anchor;
                end[count] = i;
                distance[count] = d;
                duration[count] = millis;
                speed[count] = d * 1000.0 / millis;
                count++;
                total += d;
                anchor = i;
            }
        }
        return new Steps(start, end, distance, speed, duration, count, total);
    }

    /**
     * Each fix averaged with the fixes within {@value #SMOOTHING_MILLI} ms either side: at 1 Hz five
     * fixes, which divides white GPS noise by about two; sparse fixes stay as they are, so corners
     * of a sparse trace are not cut.
     */
    private static double[][] smoothed(Trace trace, int from, int to) {
        int n = to - from + 1;
        double[] lat = new double[n];
        double[] lon = new double[n];
        int low = from;
        int high = from - 1;
        double sumLat = 0;
        double sumLon = 0;
        for (int i = from; i <= to; i++) {
            while (high < to && trace.time(high + 1) <= trace.time(i) + SMOOTHING_MILLI) {
                high++;
                sumLat += trace.lat(high);
                sumLon += trace.lon(high);
            }
            while (trace.time(low) < trace.time(i) - SMOOTHING_MILLI) {
                sumLat -= trace.lat(low);
                sumLon -= trace.lon(low);
                low++;
            }
            int count = high - low + 1;
            lat[i - from] = sumLat / count;
            lon[i - from] = sumLon / count;
        }
        return new double[][] {lat, lon};
    }

    /** A fix's accuracy radius, none when unknown: two fixes whose circles overlap may be one place. */
    private static double uncertaintyM(Trace trace, int i) {
        double accuracy = trace.accuracy(i);
        return Double.isNaN(accuracy) ? 0 : accuracy;
    }

    double totalDistanceM() {
        return totalDistanceM;
    }

    int startPoint(int step) {
        return start[step];
    }

    int endPoint(int step) {
        return end[step];
    }

    double distanceM(int first, int last) {
        double sum = 0;
        for (int k = first; k <= last; k++) {
            sum += distanceM[k];
        }
        return sum;
    }

    double[] speeds(int first, int last) {
        return Arrays.copyOfRange(speedMps, first, last + 1);
    }

    /**
     * Groups steps into runs on foot (speed up to {@code onFootMaxMps}) or riding, folding every run
     * shorter than {@code minRunMilli} into the run before it (or after it, at the start).
     *
     * @return the index of the last step of each run, in order
     */
    int[] runs(double onFootMaxMps, long minRunMilli) {
        int[] runStart = new int[count];
        int[] runEnd = new int[count];
        boolean[] runOnFoot = new boolean[count];
        long[] runMillis = new long[count];
        int runs = 0;
        for (int k = 0; k < count; k++) {
            boolean onFoot = speedMps[k] <= onFootMaxMps;
            if (runs > 0 && runOnFoot[runs - 1] == onFoot) {
                runEnd[runs - 1] = k;
                runMillis[runs - 1] += durationMilli[k];
                continue;
            }
            runStart[runs] = k;
            runEnd[runs] = k;
            runOnFoot[runs] = onFoot;
            runMillis[runs] = durationMilli[k];
            runs++;
        }
        // Fold short runs: a stack where a short run joins the one below it.
        int top = -1;
        int[] foldedEnd = new int[runs];
        boolean[] foldedOnFoot = new boolean[runs];
        long[] foldedMillis = new long[runs];
        for (int r = 0; r < runs; r++) {
            boolean onFoot = runOnFoot[r];
            long millis = runMillis[r];
            if (top >= 0 && (millis < minRunMilli || foldedOnFoot[top] == onFoot)) {
                foldedEnd[top] = runEnd[r];
                foldedMillis[top] += millis;
                continue;
            }
            if (top >= 0 && foldedMillis[top] < minRunMilli) {
                // a short run below a long one takes the long one's kind
                foldedEnd[top] = runEnd[r];
                foldedMillis[top] += millis;
                foldedOnFoot[top] = onFoot;
                if (top > 0 && foldedOnFoot[top - 1] == onFoot) {
                    foldedEnd[top - 1] = foldedEnd[top];
                    foldedMillis[top - 1] += foldedMillis[top];
                    top--;
                }
                continue;
            }
            top++;
            foldedEnd[top] = runEnd[r];
            foldedOnFoot[top] = onFoot;
            foldedMillis[top] = millis;
        }
        return Arrays.copyOf(foldedEnd, top + 1);
    }
}
