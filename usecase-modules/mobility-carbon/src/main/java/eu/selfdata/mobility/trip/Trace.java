package eu.selfdata.mobility.trip;

import java.util.Arrays;

/**
 * A citizen's points in time order, as primitive columns: segmentation reads a million points
 * without allocating one object per point. Accuracy is {@code NaN} where unknown.
 */
public final class Trace {

    private long[] epochMilli;
    private double[] lat;
    private double[] lon;
    private float[] accuracyM;
    private int size;

    public Trace(int capacity) {
        int initial = Math.max(16, capacity);
        epochMilli = new long[initial];
        lat = new double[initial];
        lon = new double[initial];
        accuracyM = new float[initial];
    }

    /** Appends a point; times must increase (storage and upload checks guarantee it). */
    public void add(long time, double latitude, double longitude, double accuracy) {
        if (size > 0 && time <= epochMilli[size - 1]) {
            throw new IllegalArgumentException("points must be added in increasing time");
        }
        if (size == epochMilli.length) {
            int grown = size * 2;
            epochMilli = Arrays.copyOf(epochMilli, grown);
            lat = Arrays.copyOf(lat, grown);
            lon = Arrays.copyOf(lon, grown);
            accuracyM = Arrays.copyOf(accuracyM, grown);
        }
        epochMilli[size] = time;
        lat[size] = latitude;
        lon[size] = longitude;
        accuracyM[size] = (float) accuracy;
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
}
