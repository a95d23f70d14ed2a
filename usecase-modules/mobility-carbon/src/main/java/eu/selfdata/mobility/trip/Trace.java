package eu.selfdata.mobility.trip;

import java.util.Arrays;

/**
 * A citizen's points in time order, as primitive columns: segmentation reads a million points
 * without allocating one object per point. Accuracy and speed are {@code NaN} where unknown, the
 * activity null (confidence 0) where the phone gave none.
 */
public final class Trace {

    private static final MotionActivity[] ACTIVITIES = MotionActivity.values();

    private long[] epochMilli;
    private double[] lat;
    private double[] lon;
    private float[] accuracyM;
    private float[] speedMps;
    private byte[] activity;
    private byte[] activityConfidence;
    private int size;

    public Trace(int capacity) {
        int initial = Math.max(16, capacity);
        epochMilli = new long[initial];
        lat = new double[initial];
        lon = new double[initial];
        accuracyM = new float[initial];
        speedMps = new float[initial];
        activity = new byte[initial];
        activityConfidence = new byte[initial];
    }

    /** Appends a point; times must increase (storage and upload checks guarantee it). */
    public void add(long time, double latitude, double longitude, double accuracy) {
        add(time, latitude, longitude, accuracy, Double.NaN, null, 0);
    }

    /** Appends a point with the speed and activity the phone measured (NaN, null where it did not). */
    public void add(
            long time,
            double latitude,
            double longitude,
            double accuracy,
            double speed,
            MotionActivity motion,
            int confidence) {
        if (size > 0 && time <= epochMilli[size - 1]) {
            throw new IllegalArgumentException("points must be added in increasing time");
        }
        if (size == epochMilli.length) {
            int grown = size * 2;
            epochMilli = Arrays.copyOf(epochMilli, grown);
            lat = Arrays.copyOf(lat, grown);
            lon = Arrays.copyOf(lon, grown);
            accuracyM = Arrays.copyOf(accuracyM, grown);
            speedMps = Arrays.copyOf(speedMps, grown);
            activity = Arrays.copyOf(activity, grown);
            activityConfidence = Arrays.copyOf(activityConfidence, grown);
        }
        epochMilli[size] = time;
        lat[size] = latitude;
        lon[size] = longitude;
        accuracyM[size] = (float) accuracy;
        speedMps[size] = (float) speed;
        activity[size] = (byte) (motion == null ? -1 : motion.ordinal());
        activityConfidence[size] = (byte) (motion == null ? 0 : confidence);
        size++;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return epochMilli[i];
    }

    public double lat(int i) {
        return lat[i];
    }

    public double lon(int i) {
        return lon[i];
    }

    public double accuracy(int i) {
        return accuracyM[i];
    }

    public double speed(int i) {
        return speedMps[i];
    }

    /** The phone's activity at this point, or null. */
    public MotionActivity activity(int i) {
        return activity[i] < 0 ? null : ACTIVITIES[activity[i]];
    }

    /** Confidence of {@link #activity(int)}, 0 to 100. */
    public int activityConfidence(int i) {
        return activityConfidence[i];
    }
}
