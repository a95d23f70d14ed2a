package eu.selfdata.mobility.trip;

/**
 * A trace reconstructed by {@link TrackSmoother}: for each fix kept (in time order), the smoothed
 * position (degrees, and metres in the local plane of its chunk) and its uncertainty, the smoothed
 * speed, the fix's measurement error (standard deviation per axis, metres) and the length of the
 * path to the next fix. Indices here are the track's; {@link #source(int)} gives the trace's.
 */
public final class Track {

    final int size;
    final int[] source;
    final long[] time;
    final double[] lat;
    final double[] lon;
    final double[] x;
    final double[] y;
    final int[] chunk;
    final double[] sigma;
    final double[] speed;
    /** Standard deviation per axis of the smoothed position, as the smoother has it (metres). */
    final double[] spread;
    /** Path length from fix k to fix k + 1 (0 for the last). */
    final double[] pathM;

    final Trace trace;

    Track(Trace trace, int size) {
        this.trace = trace;
        this.size = size;
        source = new int[size];
        time = new long[size];
        lat = new double[size];
        lon = new double[size];
        x = new double[size];
        y = new double[size];
        chunk = new int[size];
        sigma = new double[size];
        speed = new double[size];
        spread = new double[size];
        pathM = new double[size];
    }

    public int size() {
        return size;
    }

    public int source(int k) {
        return source[k];
    }

    public long time(int k) {
        return time[k];
    }

    public double lat(int k) {
        return lat[k];
    }

    public double lon(int k) {
        return lon[k];
    }

    public double speed(int k) {
        return speed[k];
    }

    /** The speed at fix k: the phone's own (Doppler) where it sent one, the smoothed track's otherwise. */
    double instantSpeed(int k) {
        double measured = trace.speed(source[k]);
        return Double.isNaN(measured) ? speed[k] : measured;
    }

    /** Path length from fix {@code k} to fix {@code k + 1}. */
    public double pathM(int k) {
        return pathM[k];
    }

    /** Seconds from fix k to fix k + 1. */
    double seconds(int k) {
        return (time[k + 1] - time[k]) / 1000.0;
    }

    /** Distance in metres between two fixes' smoothed positions. */
    double distanceM(int a, int b) {
        if (chunk[a] == chunk[b]) {
            return Geo.norm(x[a] - x[b], y[a] - y[b]);
        }
        return Geo.distanceM(lat[a], lon[a], lat[b], lon[b]);
    }

    /** The smoothed positions as a trace (for transit proximity), with the original activity. */
    Trace smoothedTrace() {
        Trace smoothed = new Trace(size);
        for (int k = 0; k < size; k++) {
            int i = source[k];
            smoothed.add(
                    time[k],
                    lat[k],
                    lon[k],
                    trace.accuracy(i),
                    trace.speed(i),
                    trace.activity(i),
                    trace.activityConfidence(i));
        }
        return smoothed;
    }
}
