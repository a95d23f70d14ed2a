package eu.selfdata.mobility.transit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small GTFS feed: bus line 12 running due east from La Rochelle's old harbour, a stop every
 * 400 m for 4 km, with its shape; {@code stopTimesPerTrip} trips make stop_times as large as wanted.
 */
public final class SyntheticGtfs {

    public static final double START_LAT = 46.1558;
    public static final double START_LON = -1.1532;
    private static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    private SyntheticGtfs() {}

    public static double lonEast(double metres) {
        return START_LON + metres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(START_LAT)));
    }

    public static Map<String, String> files(int trips) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "agency.txt",
                "agency_id,agency_name,agency_url,agency_timezone\nyelo,Yélo,https://yelo.example,Europe/Paris\n");
        StringBuilder stops = new StringBuilder("stop_id,stop_name,stop_lat,stop_lon\n");
        for (int s = 0; s <= 10; s++) {
            stops.append("S")
                    .append(s)
                    .append(",Stop ")
                    .append(s)
                    .append(',')
                    .append(START_LAT)
                    .append(',')
                    .append(lonEast(400.0 * s))
                    .append('\n');
        }
        files.put("stops.txt", stops.toString());
        files.put("routes.txt", "route_id,route_short_name,route_type\nL12,12,3\n");
        StringBuilder tripRows = new StringBuilder("route_id,service_id,trip_id,shape_id\n");
        StringBuilder stopTimes = new StringBuilder("trip_id,arrival_time,departure_time,stop_id,stop_sequence\n");
        for (int t = 0; t < trips; t++) {
            tripRows.append("L12,week,T").append(t).append(",SH12\n");
            for (int s = 0; s <= 10; s++) {
                String time = "%02d:%02d:00".formatted(6 + t / 60 % 18, (t + s) % 60);
                stopTimes
                        .append('T')
                        .append(t)
                        .append(',')
                        .append(time)
                        .append(',')
                        .append(time)
                        .append(",S")
                        .append(s)
                        .append(',')
                        .append(s)
                        .append('\n');
            }
        }
        files.put("trips.txt", tripRows.toString());
        files.put("stop_times.txt", stopTimes.toString());
        StringBuilder shapes = new StringBuilder("shape_id,shape_pt_lat,shape_pt_lon,shape_pt_sequence\n");
        for (int p = 0; p <= 40; p++) {
            shapes.append("SH12,")
                    .append(START_LAT)
                    .append(',')
                    .append(lonEast(100.0 * p))
                    .append(',')
                    .append(p)
                    .append('\n');
        }
        files.put("shapes.txt", shapes.toString());
        return files;
    }

    public static Path zip(Path dir, Map<String, String> files) {
        try {
            Path zip = Files.createTempFile(dir, "gtfs", ".zip");
            try (OutputStream out = Files.newOutputStream(zip);
                    ZipOutputStream zipped = new ZipOutputStream(out)) {
                for (var file : files.entrySet()) {
                    zipped.putNextEntry(new ZipEntry(file.getKey()));
                    zipped.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                    zipped.closeEntry();
                }
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
