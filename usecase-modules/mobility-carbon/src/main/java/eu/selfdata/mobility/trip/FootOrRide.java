package eu.selfdata.mobility.trip;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a trip into runs on foot and riding: the most likely labelling of its intervals under a
 * two-state hidden Markov model, found by the Viterbi algorithm (as Reddy et al. smooth mode
 * decisions, "Using mobile phones to determine transportation modes", ACM TOSN 6(2), 2010). Each
 * interval between two fixes brings evidence in proportion to its duration: its speed (walking
 * pace for foot; faster than {@code onFootMaxMps} for riding; standing still for neither) and the
 * phone's activity where it gave one, weighted by its confidence. Changing label costs
 * {@code legSwitch} seconds of evidence: that is the hysteresis, a short walking-pace crawl in
 * traffic stays in the ride, a walk between two rides must last twice that to be a leg.
 * Intervals inside a stop are neutral, and a change of label in or next to a stop is placed at
 * the stop's start: the wait belongs to the leg it waits for.
 */
final class FootOrRide {

    /** Track fixes {@code first..last} travelled on foot or riding. */
    record Run(int first, int last, boolean onFoot) {}

    private static final double WALKING_MPS = 0.9;
    private static final double BRISK_MPS = 2.0;
    private static final double RIDE_EVIDENCE_PER_MPS = 2;
    private static final double MAX_RIDE_EVIDENCE = 4;
    private static final double ACTIVITY_EVIDENCE = 1.5;

    private FootOrRide() {}

    static List<Run> split(Track track, int first, int last, Stops.Membership stops, SegmentationSettings settings) {
        int slices = last - first;
        if (slices <= 0) {
            return List.of(new Run(first, last, true));
        }
        double penalty = settings.legSwitch().toMillis() / 1000.0;
        boolean[] fromRide = new boolean[slices];
        boolean[] fromFoot = new boolean[slices];
        double foot = 0;
        double ride = 0;
        for (int s = 0; s < slices; s++) {
            int k = first + s;
            double evidence = stops.inside(k) ? 0 : evidence(track, k, settings.onFootMaxMps());
            boolean switchToFoot = ride - penalty > foot;
            boolean switchToRide = foot - penalty > ride;
            double nextFoot = (switchToFoot ? ride - penalty : foot) + evidence / 2;
            double nextRide = (switchToRide ? foot - penalty : ride) - evidence / 2;
            fromRide[s] = switchToFoot;
            fromFoot[s] = switchToRide;
            foot = nextFoot;
            ride = nextRide;
        }
        boolean[] onFoot = new boolean[slices];
        boolean state = foot >= ride;
        for (int s = slices - 1; s >= 0; s--) {
            onFoot[s] = state;
            state = state ? !fromRide[s] : fromFoot[s];
        }
        snapToStops(track, first, slices, stops, onFoot, settings.legSwitch().toMillis());
        List<Run> runs = new ArrayList<>();
        int start = 0;
        for (int s = 1; s <= slices; s++) {
            if (s == slices || onFoot[s] != onFoot[start]) {
                runs.add(new Run(first + start, first + s, onFoot[start]));
                start = s;
            }
        }
        return runs;
    }

    /**
     * Moves each change of label that falls in a stop, or within {@code reachMilli} of one (a vehicle
     * pulling away slowly, braking to a halt), to the stop's start: the stop goes with the leg after it.
     */
    private static void snapToStops(
            Track track, int first, int slices, Stops.Membership stops, boolean[] onFoot, long reachMilli) {
        int previousSwitch = 0;
        for (int s = 1; s < slices; s++) {
            if (onFoot[s] == onFoot[s - 1]) {
                continue;
            }
            int nextSwitch = s + 1;
            while (nextSwitch < slices && onFoot[nextSwitch] == onFoot[s]) {
                nextSwitch++;
            }
            int stopStart = nearbyStopStart(track, first, slices, stops, s, reachMilli);
            if (stopStart > previousSwitch && stopStart < nextSwitch && stopStart != s) {
                boolean before = onFoot[s - 1];
                boolean after = onFoot[s];
                for (int k = Math.min(s, stopStart); k < Math.max(s, stopStart); k++) {
                    onFoot[k] = k >= stopStart ? after : before;
                }
                s = stopStart;
            }
            previousSwitch = s;
        }
    }

    /** The first slice of a stop that slice {@code s} lies in, or is within {@code reachMilli} of; -1 if none. */
    private static int nearbyStopStart(
            Track track, int first, int slices, Stops.Membership stops, int s, long reachMilli) {
        long at = track.time[first + s];
        int best = -1;
        for (int k = s; k >= 0 && at - track.time[first + k] <= reachMilli; k--) {
            if (stops.inside(first + k)) {
                best = k;
                while (best > 0 && stops.inside(first + best - 1) && stops.together(first + best - 1, first + k)) {
                    best--;
                }
                return best;
            }
        }
        for (int k = s + 1; k < slices && track.time[first + k] - at <= reachMilli; k++) {
            if (stops.inside(first + k)) {
                return k;
            }
        }
        return best;
    }

    /** Evidence for foot over riding brought by the interval from fix k to k + 1 (negative for riding), in evidence-seconds. */
    private static double evidence(Track track, int k, double onFootMaxMps) {
        double seconds = track.seconds(k);
        double speed = track.pathM[k] / seconds;
        double perSecond;
        if (speed < Stops.MOVING_MPS) {
            perSecond = 0;
        } else if (speed < WALKING_MPS) {
            perSecond = (speed - Stops.MOVING_MPS) / (WALKING_MPS - Stops.MOVING_MPS);
        } else if (speed <= BRISK_MPS) {
            perSecond = 1;
        } else if (speed <= onFootMaxMps) {
            perSecond = (onFootMaxMps - speed) / (onFootMaxMps - BRISK_MPS);
        } else {
            perSecond = -Math.min(MAX_RIDE_EVIDENCE, (speed - onFootMaxMps) * RIDE_EVIDENCE_PER_MPS);
        }
        MotionActivity activity = track.trace.activity(track.source[k + 1]);
        if (activity != null) {
            double confidence = track.trace.activityConfidence(track.source[k + 1]) / 100.0;
            perSecond += switch (activity) {
                case ON_FOOT -> ACTIVITY_EVIDENCE * confidence;
                case CYCLING, IN_VEHICLE -> -ACTIVITY_EVIDENCE * confidence;
                case STILL, UNKNOWN -> 0;
            };
        }
        return perSecond * seconds;
    }
}
