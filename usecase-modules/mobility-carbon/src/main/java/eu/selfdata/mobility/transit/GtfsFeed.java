package eu.selfdata.mobility.transit;

import eu.selfdata.usecase.api.limits.BoundedZip;
import eu.selfdata.usecase.api.limits.LimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What mode inference needs from a GTFS static feed (gtfs.org reference): stops, routes with their
 * type, which routes serve which stop (stop_times joined to trips, streamed row by row: only the
 * distinct pairs stay in memory) and the routes' shapes.
 */
public record GtfsFeed(
        List<Stop> stops,
        List<Route> routes,
        Set<StopRoute> stopRoutes,
        Map<RouteShape, List<double[]>> shapes,
        int stopTimes) {

    /** Files the GTFS reference requires and this reader uses (agency.txt is required by the reference too). */
    static final List<String> REQUIRED =
            List.of("agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt");

    private static final CSVFormat CSV = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(true)
            .get();

    public record Stop(String id, double lat, double lon) {}

    public record Route(String id, int type, String shortName) {}

    public record StopRoute(String stopId, String routeId) {}

    public record RouteShape(String routeId, String shapeId) {}

    /** @throws InvalidFeedException naming the file and the cap when the feed is larger than {@code limits} */
    public static GtfsFeed read(Path zip, GtfsLimits limits) {
        try (BoundedZip file = BoundedZip.open(zip, limits.zip())) {
            Rows rows = new Rows(file, limits.maxRows());
            for (String required : REQUIRED) {
                if (!file.contains(required)) {
                    throw new InvalidFeedException("required file " + required + " is missing");
                }
            }
            List<Stop> stops = new ArrayList<>();
            rows.each("stops.txt", row -> {
                String lat = row.isMapped("stop_lat") ? row.get("stop_lat") : "";
                if (!lat.isEmpty()) { // stations' entrances and generic nodes may have no position
                    stops.add(new Stop(
                            row.get("stop_id"), Double.parseDouble(lat), Double.parseDouble(row.get("stop_lon"))));
                }
            });
            List<Route> routes = new ArrayList<>();
            rows.each(
                    "routes.txt",
                    row -> routes.add(new Route(
                            row.get("route_id"),
                            Integer.parseInt(row.get("route_type")),
                            row.isMapped("route_short_name") ? row.get("route_short_name") : null)));
            Map<String, String> routeOfTrip = new HashMap<>();
            Map<String, String> shapeRoutes = new LinkedHashMap<>();
            Set<RouteShape> routeShapes = new HashSet<>();
            rows.each("trips.txt", row -> {
                routeOfTrip.put(row.get("trip_id"), row.get("route_id"));
                String shape = row.isMapped("shape_id") ? row.get("shape_id") : "";
                if (!shape.isEmpty()) {
                    routeShapes.add(new RouteShape(row.get("route_id"), shape));
                    shapeRoutes.putIfAbsent(shape, row.get("route_id"));
                }
            });
            Set<StopRoute> stopRoutes = new HashSet<>();
            int[] stopTimes = {0};
            rows.each("stop_times.txt", row -> {
                String route = routeOfTrip.get(row.get("trip_id"));
                if (route == null) {
                    throw new InvalidFeedException(
                            "stop_times.txt line " + row.getRecordNumber() + ": unknown trip " + row.get("trip_id"));
                }
                stopRoutes.add(new StopRoute(row.get("stop_id"), route));
                stopTimes[0]++;
            });
            return new GtfsFeed(stops, routes, stopRoutes, shapes(rows, routeShapes), stopTimes[0]);
        } catch (LimitExceededException e) {
            throw new InvalidFeedException(e.getMessage(), e);
        } catch (ZipException e) {
            throw new InvalidFeedException("not a readable zip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidFeedException("cannot read the feed: " + e.getMessage(), e);
        }
    }

    private static Map<RouteShape, List<double[]>> shapes(Rows rows, Set<RouteShape> routeShapes) throws IOException {
        if (!rows.file().contains("shapes.txt")) {
            return Map.of();
        }
        Map<String, TreeMap<Integer, double[]>> points = new HashMap<>();
        rows.each(
                "shapes.txt",
                row -> points.computeIfAbsent(row.get("shape_id"), id -> new TreeMap<>())
                        .put(Integer.parseInt(row.get("shape_pt_sequence")), new double[] {
                            Double.parseDouble(row.get("shape_pt_lat")), Double.parseDouble(row.get("shape_pt_lon"))
                        }));
        Map<RouteShape, List<double[]>> shapes = new HashMap<>();
        routeShapes.forEach(routeShape -> {
            TreeMap<Integer, double[]> path = points.get(routeShape.shapeId());
            if (path != null && path.size() >= 2) {
                shapes.put(routeShape, List.copyOf(path.values()));
            }
        });
        return shapes;
    }

    private interface RowHandler {
        void handle(CSVRecord row);
    }

    /** The feed's files row by row, each at most {@code maxRows} rows. */
    private record Rows(BoundedZip file, long maxRows) {

        void each(String name, RowHandler handler) throws IOException {
            try (InputStream in = file.open(name);
                    Reader reader = new InputStreamReader(skipBom(in), StandardCharsets.UTF_8);
                    CSVParser parser = CSV.parse(reader)) {
                for (CSVRecord row : parser) {
                    if (row.getRecordNumber() > maxRows) {
                        throw new InvalidFeedException(name + " has more than the cap of " + maxRows + " rows");
                    }
                    try {
                        handler.handle(row);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidFeedException(
                                name + " line " + (row.getRecordNumber() + 1) + ": " + e.getMessage(), e);
                    }
                }
            } catch (java.io.UncheckedIOException e) {
                throw new InvalidFeedException(name + ": " + e.getMessage(), e);
            }
        }
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int read = pushback.readNBytes(head, 0, 3);
        if (!(read == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            pushback.unread(head, 0, read);
        }
        return pushback;
    }
}
