package eu.selfdata.mobility.trip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a trace into trips at stays and each trip into legs, in time linear in the number of
 * points:
 * <ol>
 * <li>reconstruction: the fixes are smoothed by {@link TrackSmoother} (Kalman filter and RTS
 * smoother weighing each fix by its accuracy, outliers down-weighted); distances and speeds are
 * measured on the smoothed track;</li>
 * <li>stops: {@link Stops} finds where the person stood still, within a radius adapted to the
 * fixes' accuracy; a stop of {@code stayDwell} or more is a stay, and so is a silence of that
 * length crossed slower than a shuffle (phones stop recording when still); a silence of
 * {@code maxGap} ends a trip;</li>
 * <li>trips: movement between stays, from the last fix of one stay to the first of the next, kept
 * from {@code minTripDistanceM} on and when it went further than {@code stayRadiusM} from where it
 * started; a shorter stop is inside the trip;</li>
 * <li>legs: {@link FootOrRide} splits the trip into runs on foot and riding (with hysteresis, a stop
 * going with the leg after it), {@link ModeInference} names each from its whole speed distribution,
 * the transit network and the phone's activity; consecutive legs of one mode are one leg.</li>
 * </ol>
 */
public final class Segmenter {

    private static final double MOVING_MPS = 0.5;

    private final SegmentationSettings settings;
    private final ModeInference modes;

    public Segmenter(SegmentationSettings settings, ModeInference modes) {
        this.settings = settings;
        this.modes = modes;
    }

    public List<Trip> segment(Trace trace) {
        Track track = TrackSmoother.smooth(trace, settings);
        int n = track.size();
        List<Stops.Stop> stops = Stops.find(track, settings);
        int[] stopOf = new int[n];
        Arrays.fill(stopOf, -1);
        boolean[] stay = new boolean[n];
        long dwell = settings.stayDwell().toMillis();
        for (int s = 0; s < stops.size(); s++) {
            Stops.Stop stop = stops.get(s);
            Arrays.fill(stopOf, stop.first(), stop.last() + 1, s);
            if (stop.durationMilli() >= dwell) {
                Arrays.fill(stay, stop.first(), stop.last() + 1, true);
            }
        }
        boolean[] breakBefore = new boolean[n];
        for (int k = 1; k < n; k++) {
            long silence = track.time[k] - track.time[k - 1];
            breakBefore[k] = silence >= settings.maxGap().toMillis();
            if (silence >= dwell && Stops.sleptHere(track, k - 1, k)) {
                stay[k - 1] = true;
                stay[k] = true;
            }
        }
        Trace smoothed = null;
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
            if (to > from && goesSomewhere(track, from, to)) {
                if (smoothed == null) {
                    smoothed = track.smoothedTrace();
                }
                trips.add(trip(track, smoothed, stopOf, from, to));
            }
            i = last + 1;
        }
        return trips;
    }

    /** Far enough in all, and further than the stay radius from where it started: not moving around a place. */
    private boolean goesSomewhere(Track track, int from, int to) {
        double distance = 0;
        double furthest = 0;
        for (int k = from; k < to; k++) {
            distance += track.pathM[k];
            furthest = Math.max(furthest, track.distanceM(from, k + 1));
        }
        return distance >= settings.minTripDistanceM() && furthest > settings.stayRadiusM();
    }

    private Trip trip(Track track, Trace smoothed, int[] stopOf, int from, int to) {
        List<FootOrRide.Run> runs = FootOrRide.split(track, from, to, stopOf, settings);
        List<Leg> legs = new ArrayList<>();
        Boundary start = Boundary.at(track, from);
        for (int r = 0; r < runs.size(); r++) {
            FootOrRide.Run run = runs.get(r);
            Boundary end = r + 1 < runs.size() ? Boundary.between(track, stopOf, run, runs.get(r + 1)) : Boundary.at(track, to);
            Leg leg = leg(track, smoothed, stopOf, run, start, end);
            if (!legs.isEmpty() && legs.getLast().mode() == leg.mode()) {
                leg = joined(legs.removeLast(), leg);
            }
            legs.add(leg);
            start = end;
        }
        double distance = legs.stream().mapToDouble(Leg::distanceM).sum();
        return new Trip(track.time[from], track.time[to], distance, legs);
    }

    /**
     * Where one leg hands over to the next: at a fix, moved into the interval on either side when that
     * interval's speed lies between the two legs' speeds — the change happened in it, the interval
     * is split as a mixture of the two speeds (a walk of {@code f·T} seconds at the walking speed, the
     * rest at the ride's). {@code metres} of the run before the fix belong to the next leg (negative:
     * of the run after it to the leg before).
     */
    private record Boundary(int fix, long milli, double metres) {

        static Boundary at(Track track, int fix) {
            return new Boundary(fix, track.time[fix], 0);
        }

        static Boundary between(Track track, int[] stopOf, FootOrRide.Run before, FootOrRide.Run after) {
            int b = after.first();
            double vBefore = typicalSpeed(track, stopOf, before.first(), before.last());
            double vAfter = typicalSpeed(track, stopOf, after.first(), after.last());
            double milli = track.time[b];
            double metres = 0;
            if (Math.abs(vAfter - vBefore) > MOVING_MPS) {
                if (b - 1 >= before.first() && !neutral(stopOf, b - 1)) {
                    double seconds = (track.time[b] - track.time[b - 1]) / 1000.0;
                    double share = mixture(track.pathM[b - 1] / seconds, vBefore, vAfter);
                    metres += Math.min(track.pathM[b - 1], vAfter * share * seconds);
                    milli -= share * seconds * 1000;
                }
                if (b + 1 <= after.last() && !neutral(stopOf, b)) {
                    double seconds = (track.time[b + 1] - track.time[b]) / 1000.0;
                    double share = mixture(track.pathM[b] / seconds, vAfter, vBefore);
                    metres -= Math.min(track.pathM[b], vBefore * share * seconds);
                    milli += share * seconds * 1000;
                }
            }
            return new Boundary(b, Math.round(milli), metres);
        }

        /** Share of an interval at {@code speed} spent at {@code other} rather than at {@code own}, if it lies between them. */
        private static double mixture(double speed, double own, double other) {
            double share = (speed - own) / (other - own);
            return share > 0 && share < 1 ? share : 0;
        }
    }

    private static boolean neutral(int[] stopOf, int k) {
        return stopOf[k] >= 0 && stopOf[k] == stopOf[k + 1];
    }

    /** Time-weighted median speed of the moving intervals of fixes {@code from..to}. */
    private static double typicalSpeed(Track track, int[] stopOf, int from, int to) {
        int slices = to - from;
        double[] speeds = new double[slices];
        double[] seconds = new double[slices];
        int moving = 0;
        for (int k = from; k < to; k++) {
            double dt = (track.time[k + 1] - track.time[k]) / 1000.0;
            double speed = track.pathM[k] / dt;
            if (speed >= MOVING_MPS && !neutral(stopOf, k)) {
                speeds[moving] = speed;
                seconds[moving] = dt;
                moving++;
            }
        }
        return weightedQuantiles(speeds, seconds, moving, 0.5)[0];
    }

    private Leg leg(Track track, Trace smoothed, int[] stopOf, FootOrRide.Run run, Boundary start, Boundary end) {
        int from = run.first();
        int to = run.last();
        int slices = to - from;
        double[] speeds = new double[slices];
        double[] seconds = new double[slices];
        int moving = 0;
        double distance = start.metres() - end.metres();
        double unseen = 0;
        double onFoot = 0;
        double cycling = 0;
        double inVehicle = 0;
        for (int k = from; k < to; k++) {
            double dt = (track.time[k + 1] - track.time[k]) / 1000.0;
            if (!neutral(stopOf, k)) {
                distance += track.pathM[k];
            }
            double speed = track.pathM[k] / dt;
            if (speed >= MOVING_MPS && !neutral(stopOf, k)) {
                speeds[moving] = speed;
                seconds[moving] = dt;
                moving++;
            }
            if (dt > TrackSmoother.RESTART_GAP_S) {
                unseen += dt;
            }
            int i = track.source[k + 1];
            MotionActivity activity = track.trace.activity(i);
            if (activity != null) {
                double weight = dt * track.trace.activityConfidence(i) / 100.0;
                switch (activity) {
                    case ON_FOOT -> onFoot += weight;
                    case CYCLING -> cycling += weight;
                    case IN_VEHICLE -> inVehicle += weight;
                    case STILL, UNKNOWN -> { }
                }
            }
        }
        long durationMilli = end.milli() - start.milli();
        double duration = Math.max(durationMilli / 1000.0, 1e-3);
        double[] quantiles = weightedQuantiles(speeds, seconds, moving, 0.5, 0.95);
        LegProfile profile = new LegProfile(distance, durationMilli, quantiles[0], quantiles[1], run.onFoot(), unseen / duration,
                new LegProfile.Activity(onFoot / duration, cycling / duration, inVehicle / duration), smoothed, from, to);
        return new Leg(start.milli(), end.milli(), distance, quantiles[0], quantiles[1], modes.infer(profile),
                track.lat[from], track.lon[from], track.lat[to], track.lon[to]);
    }

    private static Leg joined(Leg a, Leg b) {
        return new Leg(a.startMilli(), b.endMilli(), a.distanceM() + b.distanceM(), Math.max(a.medianSpeedMps(), b.medianSpeedMps()),
                Math.max(a.p95SpeedMps(), b.p95SpeedMps()), a.mode(), a.startLat(), a.startLon(), b.endLat(), b.endLon());
    }

    /** Quantiles of speeds weighted by the time spent at each. */
    private static double[] weightedQuantiles(double[] values, double[] weights, int count, double... quantiles) {
        double[] result = new double[quantiles.length];
        if (count == 0) {
            return result;
        }
        Integer[] order = new Integer[count];
        double total = 0;
        for (int k = 0; k < count; k++) {
            order[k] = k;
            total += weights[k];
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        for (int q = 0; q < quantiles.length; q++) {
            double target = quantiles[q] * total;
            double cumulated = 0;
            int k = 0;
            while (k < count - 1 && cumulated + weights[order[k]] < target) {
                cumulated += weights[order[k]];
                k++;
            }
            result[q] = values[order[k]];
        }
        return result;
    }
}
