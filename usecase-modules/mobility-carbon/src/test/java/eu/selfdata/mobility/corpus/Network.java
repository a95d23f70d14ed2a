package eu.selfdata.mobility.corpus;

import eu.selfdata.mobility.trip.TravelMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The corpus city's transit: a bus line through the streets, a tram line, an underground metro
 * line and a regional railway, each with its stops along its path; written as a GTFS feed (stops,
 * routes, trips, stop_times, shapes).
 */
final class Network {

    /** A line: its path, its stops (metres along the path) and how its vehicles move. */
    record Line(
            String id,
            String name,
            int routeType,
            TravelMode mode,
            Route route,
            double[] stopsAtM,
            Ride.Profile profile,
            double dwellS) {

        double[] stop(int index) {
            double[] p = route.at(stopsAtM[index]);
            return new double[] {p[0], p[1]};
        }

        int stops() {
            return stopsAtM.length;
        }
    }

    static final Ride.Profile BUS = new Ride.Profile(11, 1.0, 1.3, 1.6, 0.12);
    static final Ride.Profile TRAM = new Ride.Profile(12, 1.1, 1.2, 1.2, 0.08);
    static final Ride.Profile METRO = new Ride.Profile(17, 1.1, 1.1, 1.0, 0.05);
    static final Ride.Profile TRAIN = new Ride.Profile(36, 0.5, 0.7, 0.6, 0.06);

    private final Line bus;
    private final Line tram;
    private final Line metro;
    private final Line train;

    Network(long seed) {
        Random random = new Random(seed);
        bus = line(
                "L1",
                "1",
                3,
                TravelMode.BUS,
                Route.streets(random, -2600, -900, 2900, 1600, Route.Streets.ROAD),
                random,
                350,
                500,
                BUS,
                25);
        tram = line(
                "T1",
                "T1",
                0,
                TravelMode.TRAM,
                Route.streets(random, -1500, 2600, 2600, -2100, new Route.Streets(300, 700, 0.4, 40)),
                random,
                450,
                600,
                TRAM,
                20);
        metro = line(
                "M1",
                "M1",
                1,
                TravelMode.METRO,
                Route.from(-3200, 300, 95).curvy(random, 6500, 25, 400).underground(),
                random,
                800,
                1000,
                METRO,
                25);
        train = line(
                "TER",
                "TER",
                2,
                TravelMode.TRAIN,
                Route.from(200, -400, 40).straight(600).curvy(random, 27000, 8, 1200),
                random,
                6500,
                9000,
                TRAIN,
                60);
    }

    private static Line line(
            String id,
            String name,
            int type,
            TravelMode mode,
            Route route,
            Random random,
            double minGap,
            double maxGap,
            Ride.Profile profile,
            double dwellS) {
        List<Double> stops = new ArrayList<>();
        for (double at = 0; at < route.lengthM() - minGap / 2; at += minGap + random.nextDouble() * (maxGap - minGap)) {
            stops.add(at);
        }
        stops.add(route.lengthM());
        return new Line(
                id,
                name,
                type,
                mode,
                route,
                stops.stream().mapToDouble(Double::doubleValue).toArray(),
                profile,
                dwellS);
    }

    Line bus() {
        return bus;
    }

    Line tram() {
        return tram;
    }

    Line metro() {
        return metro;
    }

    Line train() {
        return train;
    }

    List<Line> lines() {
        return List.of(bus, tram, metro, train);
    }

    /** The feed's files by name. */
    Map<String, String> gtfs() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "agency.txt",
                "agency_id,agency_name,agency_url,agency_timezone\ncorpus,Corpus transit,https://transit.example,Europe/Paris\n");
        StringBuilder stops = new StringBuilder("stop_id,stop_name,stop_lat,stop_lon\n");
        StringBuilder routes = new StringBuilder("route_id,route_short_name,route_type\n");
        StringBuilder trips = new StringBuilder("route_id,service_id,trip_id,shape_id\n");
        StringBuilder stopTimes = new StringBuilder("trip_id,arrival_time,departure_time,stop_id,stop_sequence\n");
        StringBuilder shapes = new StringBuilder("shape_id,shape_pt_lat,shape_pt_lon,shape_pt_sequence\n");
        for (Line line : lines()) {
            routes.append(line.id())
                    .append(',')
                    .append(line.name())
                    .append(',')
                    .append(line.routeType())
                    .append('\n');
            trips.append(line.id())
                    .append(",week,")
                    .append(line.id())
                    .append("-1,")
                    .append(line.id())
                    .append("-shape\n");
            for (int s = 0; s < line.stops(); s++) {
                double[] p = line.stop(s);
                String stopId = line.id() + "-" + s;
                stops.append(stopId)
                        .append(',')
                        .append(line.name())
                        .append(" stop ")
                        .append(s)
                        .append(',')
                        .append(coordinate(Day.lat(p[1])))
                        .append(',')
                        .append(coordinate(Day.lon(p[0])))
                        .append('\n');
                String time = "%02d:%02d:00".formatted(7 + s / 30, (2 * s) % 60);
                stopTimes
                        .append(line.id())
                        .append("-1,")
                        .append(time)
                        .append(',')
                        .append(time)
                        .append(',')
                        .append(stopId)
                        .append(',')
                        .append(s)
                        .append('\n');
            }
            int sequence = 0;
            for (double[] p : line.route().sampled(20)) {
                shapes.append(line.id())
                        .append("-shape,")
                        .append(coordinate(Day.lat(p[1])))
                        .append(',')
                        .append(coordinate(Day.lon(p[0])))
                        .append(',')
                        .append(sequence++)
                        .append('\n');
            }
        }
        files.put("stops.txt", stops.toString());
        files.put("routes.txt", routes.toString());
        files.put("trips.txt", trips.toString());
        files.put("stop_times.txt", stopTimes.toString());
        files.put("shapes.txt", shapes.toString());
        return files;
    }

    static String coordinate(double degrees) {
        return String.format(Locale.ROOT, "%.7f", degrees);
    }
}
