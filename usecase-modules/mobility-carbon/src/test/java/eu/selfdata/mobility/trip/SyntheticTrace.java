package eu.selfdata.mobility.trip;

import eu.selfdata.mobility.trace.TracePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Traces with a known truth: a phone sampled every second, staying (with GPS jitter around the
 * place) or moving along bearings at given speeds. Same seed, same trace.
 */
public final class SyntheticTrace {

    private static final double METRES_PER_DEGREE = Geo.EARTH_RADIUS_M * Math.PI / 180;

    private final Random random;
    private final List<TracePoint> points = new ArrayList<>();
    private long time;
    private double lat;
    private double lon;
    private double movedM;
    private double errorNorthM;
    private double errorEastM;

    public SyntheticTrace(long seed, Instant start, double lat, double lon) {
        this.random = new Random(seed);
        this.time = start.toEpochMilli();
        this.lat = lat;
        this.lon = lon;
    }

    /** La Rochelle's old harbour, 1 March 2026 08:00 UTC. */
    public static SyntheticTrace laRochelle(long seed) {
        return new SyntheticTrace(seed, Instant.parse("2026-03-02T08:00:00Z"), 46.1558, -1.1532);
    }

    /** Stays put for the duration, fixes scattered around the place with this standard deviation. */
    public SyntheticTrace stay(Duration duration, double jitterM) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            fix(jitterM, Math.max(5, jitterM * 1.5));
        }
        return this;
    }

    /**
     * Moves this far along a bearing (degrees from north) at a steady speed. Fixes carry a GPS error
     * of 3 m that drifts from second to second (correlation 0.9), as receivers' errors do.
     */
    public SyntheticTrace move(double distanceM, double bearingDeg, double speedMps) {
        return move(distanceM, bearingDeg, speedMps, 0);
    }

    /** Moves with the speed varying uniformly by ± {@code speedSpreadMps} from second to second. */
    public SyntheticTrace move(double distanceM, double bearingDeg, double speedMps, double speedSpreadMps) {
        double done = 0;
        double bearing = Math.toRadians(bearingDeg);
        while (done < distanceM) {
            double speed = Math.max(0.3, speedMps + (random.nextDouble() * 2 - 1) * speedSpreadMps);
            double step = Math.min(speed, distanceM - done);
            lat += step * Math.cos(bearing) / METRES_PER_DEGREE;
            lon += step * Math.sin(bearing) / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
            done += step;
            driftingFix();
        }
        movedM += distanceM;
        return this;
    }

    /** No fix for a while (phone off), then resumes where it is. */
    public SyntheticTrace silence(Duration duration) {
        time += duration.toMillis();
        return this;
    }

    /** An outlier: one fix this far off, reported as accurate. */
    public SyntheticTrace jump(double offM) {
        time += 1000;
        points.add(new TracePoint(time, lat + offM / METRES_PER_DEGREE, lon, 8, Double.NaN));
        return this;
    }

    private void driftingFix() {
        double keep = 0.9;
        double fresh = Math.sqrt(1 - keep * keep) * 3;
        errorNorthM = keep * errorNorthM + fresh * random.nextGaussian();
        errorEastM = keep * errorEastM + fresh * random.nextGaussian();
        time += 1000;
        points.add(new TracePoint(
                time,
                lat + errorNorthM / METRES_PER_DEGREE,
                lon + errorEastM / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat))),
                5,
                Double.NaN));
    }

    private void fix(double jitterM, double accuracyM) {
        time += 1000;
        double dLat = random.nextGaussian() * jitterM / METRES_PER_DEGREE;
        double dLon = random.nextGaussian() * jitterM / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
        points.add(new TracePoint(time, lat + dLat, lon + dLon, accuracyM, Double.NaN));
    }

    public double movedM() {
        return movedM;
    }

    public double lat() {
        return lat;
    }

    public double lon() {
        return lon;
    }

    public int size() {
        return points.size();
    }

    public List<TracePoint> points() {
        return List.copyOf(points);
    }

    public Trace trace() {
        Trace trace = new Trace(points.size());
        points.forEach(p -> trace.add(p.epochMilli(), p.lat(), p.lon(), p.accuracyM()));
        return trace;
    }
}
