package eu.selfdata.tenant.modules.mobility;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Traces for the end-to-end tests, with a known truth: 1 Hz fixes, stays with a few metres of
 * jitter, straight moves at steady speeds; written as GPX or as the app's JSON.
 */
final class Traces {

    private static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    record Fix(Instant time, double lat, double lon) {}

    private final Random random;
    private final List<Fix> fixes = new ArrayList<>();
    private Instant time;
    private double lat = 46.1558;
    private double lon = -1.1532;

    Traces(long seed, Instant start) {
        this.random = new Random(seed);
        this.time = start;
    }

    Traces stay(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            add(
                    lat + random.nextGaussian() * 4 / METRES_PER_DEGREE,
                    lon + random.nextGaussian() * 4 / METRES_PER_DEGREE);
        }
        return this;
    }

    Traces move(double metres, double bearingDeg, double speedMps) {
        double bearing = Math.toRadians(bearingDeg);
        for (double done = 0; done < metres; done += speedMps) {
            lat += speedMps * Math.cos(bearing) / METRES_PER_DEGREE;
            lon += speedMps * Math.sin(bearing) / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
            add(lat, lon);
        }
        return this;
    }

    /** Stays 8 min, drives this far at 13 m/s, stays 8 min. */
    static Traces drive(long seed, Instant start, double metres) {
        return new Traces(seed, start)
                .stay(Duration.ofMinutes(8))
                .move(metres, 80, 13)
                .stay(Duration.ofMinutes(8));
    }

    private void add(double latitude, double longitude) {
        time = time.plusSeconds(1);
        fixes.add(new Fix(time, latitude, longitude));
    }

    List<Fix> fixes() {
        return fixes;
    }

    String gpx() {
        StringBuilder gpx = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="tests" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
                """);
        fixes.forEach(fix -> gpx.append("<trkpt lat=\"")
                .append(fix.lat())
                .append("\" lon=\"")
                .append(fix.lon())
                .append("\"><time>")
                .append(fix.time())
                .append("</time></trkpt>\n"));
        return gpx.append("</trkseg></trk></gpx>\n").toString();
    }

    String appJson() {
        StringBuilder json = new StringBuilder("{\"points\":[");
        for (int i = 0; i < fixes.size(); i++) {
            Fix fix = fixes.get(i);
            json.append(i > 0 ? "," : "")
                    .append("{\"lat\":")
                    .append(fix.lat())
                    .append(",\"lon\":")
                    .append(fix.lon())
                    .append(",\"time\":\"")
                    .append(fix.time())
                    .append("\",\"accuracy\":6}");
        }
        return json.append("]}").toString();
    }
}
