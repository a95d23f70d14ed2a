package eu.selfdata.mobility.trace;

import eu.selfdata.mobility.trip.MotionActivity;

/**
 * One position fix. Accuracy and speed are {@code NaN} when the source does not give them (GPX has
 * neither), the activity null when the phone gave none.
 *
 * @param epochMilli         when the fix was taken
 * @param accuracyM          horizontal accuracy radius in metres (68 % confidence, as phones report it)
 * @param speedMps           speed the device measured, metres per second
 * @param activity           what the phone's activity recognition said at that time, or null
 * @param activityConfidence its confidence, 0 to 100 (0 without an activity)
 */
public record TracePoint(
        long epochMilli,
        double lat,
        double lon,
        double accuracyM,
        double speedMps,
        MotionActivity activity,
        int activityConfidence) {

    public TracePoint {
        if (!(lat >= -90 && lat <= 90)) {
            throw new InvalidTraceException(
                    TraceProblem.COORDINATE_OUT_OF_RANGE, "latitude " + lat + " is outside [-90, 90]");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new InvalidTraceException(
                    TraceProblem.COORDINATE_OUT_OF_RANGE, "longitude " + lon + " is outside [-180, 180]");
        }
        if (accuracyM < 0 || speedMps < 0) {
            throw new InvalidTraceException(
                    TraceProblem.COORDINATE_OUT_OF_RANGE, "accuracy and speed cannot be negative");
        }
        if (activityConfidence < 0 || activityConfidence > 100 || (activity == null && activityConfidence != 0)) {
            throw new InvalidTraceException(TraceProblem.MALFORMED, "an activity's confidence is from 0 to 100");
        }
    }

    public TracePoint(long epochMilli, double lat, double lon, double accuracyM, double speedMps) {
        this(epochMilli, lat, lon, accuracyM, speedMps, null, 0);
    }

    public static TracePoint of(long epochMilli, double lat, double lon) {
        return new TracePoint(epochMilli, lat, lon, Double.NaN, Double.NaN);
    }
}
