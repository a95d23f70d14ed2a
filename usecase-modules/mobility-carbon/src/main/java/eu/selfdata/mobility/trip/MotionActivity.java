package eu.selfdata.mobility.trip;

/**
 * What the phone's activity recognition says the person is doing (Android's
 * {@code DetectedActivity}, iOS's {@code CMMotionActivity}), with a confidence from 0 to 100:
 * evidence for leg and mode, never the answer on its own.
 */
public enum MotionActivity {
    STILL,
    ON_FOOT,
    CYCLING,
    IN_VEHICLE,
    UNKNOWN
}
