package eu.selfdata.mobility.trip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a trace into trips at stays and each trip into legs, in time linear in the number of
 * points:
 * <ol>
 * <li>reconstruction: {@link TrackSmoother} smooths the fixes, each weighed by its accuracy,
 * outliers down-weighted; distances and speeds are measured on the smoothed track;</li>
 * <li>stops: {@link Stops} finds where the person stood still, within a radius adapted to the
 * fixes' accuracy; a stop of {@code stayDwell} or more is a stay, and so is a silence of that
 * length crossed slower than a shuffle (phones stop recording when still); a silence of
 * {@code maxGap} ends a trip;</li>
 * <li>trips: movement between stays, from the last fix of one stay to the first of the next, kept
 * from {@code minTripDistanceM} on and when it went further than {@code stayRadiusM} from where it
 * started; a shorter stop is inside the trip, and counts no distance;</li>
 * <li>legs: {@link FootOrRide} splits the trip into runs on foot and riding (with hysteresis, a stop
 * going with the leg after it); where a change falls between two fixes, the interval is split as a
 * mixture of the two legs' speeds; {@link ModeInference} names each leg from its whole speed
 * distribution, the transit network and the phone's activity.</li>
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
        Track track = TrackSmoother.smooth(trace, settings);
        int n = track.size();
        List<Stops.Stop> found = Stops.find(track, settings);
        Stops.Membership stops = new Stops.Membership(found, n);
        boolean[] stay = new boolean[n];
        for (Stops.Stop stop : found) {
            if (stop.durationMilli() >= settings.stayDwell().toMillis()) {
                Arrays.fill(stay, stop.first(), stop.last() + 1, true);
            }
        }
        boolean[] breakBefore = new boolean[n];
        for (int k = 1; k < n; k++) {
            long silence = track.time[k] - track.time[k - 1];
            breakBefore[k] = silence >= settings.maxGap().toMillis();
            if (silence >= settings.stayDwell().toMillis() && Stops.sleptHere(track, k - 1, k)) {
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
            if (to > from && goesSomewhere(track, stops, from, to)) {
                if (smoothed == null) {
                    smoothed = track.smoothedTrace();
                }
                trips.add(trip(track, smoothed, stops, from, to));
            }
            i = last + 1;
        }
        return trips;
    }

    /** Far enough in all, and further than the stay radius from where it started: not moving around a place. */
    private boolean goesSomewhere(Track track, Stops.Membership stops, int from, int to) {
        double distance = 0;
        double furthest = 0;
        for (int k = from; k < to; k++) {
            distance += stops.inside(k) ? 0 : track.pathM[k];
            furthest = Math.max(furthest, track.distanceM(from, k + 1));
        }
        return distance >= settings.minTripDistanceM() && furthest > settings.stayRadiusM();
    }

    private Trip trip(Track track, Trace smoothed, Stops.Membership stops, int from, int to) {
        List<FootOrRide.Run> runs = FootOrRide.split(track, from, to, stops, settings);
        List<Leg> legs = new ArrayList<>(runs.size());
        Boundary start = Boundary.at(track, from);
        if (from > 0 && Stops.sleptHere(track, from - 1, from)) {
            // The phone slept at the place and woke once moved: the way from the place counts, in a straight line.
            start = new Boundary(track.time[from], track.distanceM(from - 1, from));
        }
        for (int r = 0; r < runs.size(); r++) {
            FootOrRide.Run run = runs.get(r);
            Boundary end =
                    r + 1 < runs.size() ? Boundary.between(track, stops, run, runs.get(r + 1)) : Boundary.at(track, to);
            legs.add(leg(track, smoothed, stops, run, start, end));
            start = end;
        }
        double distance = legs.stream().mapToDouble(Leg::distanceM).sum();
        return new Trip(legs.getFirst().startMilli(), legs.getLast().endMilli(), distance, legs);
    }

    private Leg leg(
            Track track, Trace smoothed, Stops.Membership stops, FootOrRide.Run run, Boundary start, Boundary end) {
        int from = run.first();
        int to = run.last();
        double distance = start.metres() - end.metres();
        double unseen = 0;
        double onFoot = 0;
        double cycling = 0;
        double inVehicle = 0;
        for (int k = from; k < to; k++) {
            double seconds = track.seconds(k);
            distance += stops.inside(k) ? 0 : track.pathM[k];
            if (seconds > RtsSmoother.RESTART_GAP_S) {
                unseen += seconds;
            }
            int i = track.source[k + 1];
            MotionActivity activity = track.trace.activity(i);
            if (activity != null) {
                double weight = seconds * track.trace.activityConfidence(i) / 100.0;
                switch (activity) {
                    case ON_FOOT -> onFoot += weight;
                    case CYCLING -> cycling += weight;
                    case IN_VEHICLE -> inVehicle += weight;
                    case STILL, UNKNOWN -> {}
                }
            }
        }
        long durationMilli = end.milli() - start.milli();
        double duration = Math.max(durationMilli / 1000.0, 1e-3);
        SpeedDistribution speeds = SpeedDistribution.of(track, stops, from, to);
        double median = speeds.quantile(0.5);
        double p95 = speeds.quantile(0.95);
        LegProfile profile = new LegProfile(
                distance,
                durationMilli,
                median,
                p95,
                run.onFoot(),
                unseen / duration,
                new LegProfile.Activity(onFoot / duration, cycling / duration, inVehicle / duration),
                smoothed,
                from,
                to);
        ModeInference.Inference inferred = modes.infer(profile);
        double travelled = inferred.ride()
                .map(TransitRide::lineDistanceM)
                .filter(line -> !Double.isNaN(line))
                .orElse(distance);
        return new Leg(
                start.milli(),
                end.milli(),
                travelled,
                median,
                p95,
                inferred.mode(),
                track.lat[from],
                track.lon[from],
                track.lat[to],
                track.lon[to]);
    }

    /**
     * Where one leg hands over to the next: at a fix, moved into the interval on either side when that
     * interval's speed lies between the two legs' median speeds — the change happened in it, and the
     * interval is split as a mixture of the two speeds. {@code metres} of the run before belong to the
     * next leg (negative: of the run after, to the leg before).
     */
    private record Boundary(long milli, double metres) {

        static Boundary at(Track track, int fix) {
            return new Boundary(track.time[fix], 0);
        }

        static Boundary between(Track track, Stops.Membership stops, FootOrRide.Run before, FootOrRide.Run after) {
            int b = after.first();
            double vBefore = SpeedDistribution.of(track, stops, before.first(), before.last())
                    .quantile(0.5);
            double vAfter = SpeedDistribution.of(track, stops, after.first(), after.last())
                    .quantile(0.5);
            double milli = track.time[b];
            double metres = 0;
            if (b - 1 >= before.first() && !stops.inside(b - 1)) {
                double seconds = track.seconds(b - 1);
                double share = mixture(track.pathM[b - 1] / seconds, vBefore, vAfter);
                metres += Math.min(track.pathM[b - 1], vAfter * share * seconds);
                milli -= share * seconds * 1000;
            }
            if (b + 1 <= after.last() && !stops.inside(b)) {
                double seconds = track.seconds(b);
                double share = mixture(track.pathM[b] / seconds, vAfter, vBefore);
                metres -= Math.min(track.pathM[b], vBefore * share * seconds);
                milli += share * seconds * 1000;
            }
            return new Boundary(Math.round(milli), metres);
        }

        /** Share of an interval at {@code speed} spent at {@code other} rather than {@code own}, if it lies between them. */
        private static double mixture(double speed, double own, double other) {
            if (Math.abs(other - own) < 0.5) {
                return 0;
            }
            double share = (speed - own) / (other - own);
            return share > 0 && share < 1 ? share : 0;
        }
    }
}
