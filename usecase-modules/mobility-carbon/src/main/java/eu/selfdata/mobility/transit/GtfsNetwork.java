package eu.selfdata.mobility.transit;

import eu.selfdata.mobility.trip.Geo;
import eu.selfdata.mobility.trip.LegProfile;
import eu.selfdata.mobility.trip.TransitNetwork;
import eu.selfdata.mobility.trip.TransitRide;
import eu.selfdata.mobility.trip.TravelMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * A city's transit from its GTFS feed, in a local metric plane (equirectangular around the feed's
 * centre) indexed by JTS STR-trees. A leg is a transit ride when both its ends are within
 * {@value #STOP_RADIUS_M} m of stops of one route (e-mission's rule) and, where the route has
 * shapes, at least {@value #ON_SHAPE_SHARE} of its fixes lie within {@value #SHAPE_CORRIDOR_M} m of
 * one of them (our addition: a car between two stops of a bus line takes other streets). The ride
 * goes from the route's stop nearest the leg's start to the one nearest its end, and its length is
 * that of the route's shape between them (the shape passing within {@value #SHAPE_CORRIDOR_M} m of
 * both stops): a vehicle keeps to its line, where sparse fixes would cut its corners.
 */
public final class GtfsNetwork implements TransitNetwork {

    static final double STOP_RADIUS_M = 150;
    static final double SHAPE_CORRIDOR_M = 60;
    static final double ON_SHAPE_SHARE = 0.8;
    private static final int SAMPLES = 30;
    private static final double METRES_PER_DEGREE = Geo.EARTH_RADIUS_M * Math.PI / 180;

    private final GeometryFactory geometry = new GeometryFactory();
    private final double originLat;
    private final double cosOrigin;
    private final STRtree stops = new STRtree();
    private final Map<String, Set<String>> routesOfStop;
    private final Map<String, TravelMode> modeOfRoute = new HashMap<>();
    private final Map<String, List<LineString>> shapesOfRoute = new HashMap<>();
    private final Map<LineString, LengthIndexedLine> indexedShapes = new HashMap<>();

    public GtfsNetwork(GtfsFeed feed) {
        this.originLat =
                feed.stops().stream().mapToDouble(GtfsFeed.Stop::lat).average().orElse(0);
        this.cosOrigin = Math.cos(Math.toRadians(originLat));
        feed.stops().forEach(stop -> {
            Point point = geometry.createPoint(project(stop.lat(), stop.lon()));
            point.setUserData(stop.id());
            stops.insert(point.getEnvelopeInternal(), point);
        });
        stops.build();
        routesOfStop = new HashMap<>();
        feed.stopRoutes()
                .forEach(pair -> routesOfStop
                        .computeIfAbsent(pair.stopId(), id -> new HashSet<>())
                        .add(pair.routeId()));
        feed.routes().forEach(route -> modeOfRoute.put(route.id(), mode(route.type())));
        feed.shapes()
                .forEach((routeShape, path) -> shapesOfRoute
                        .computeIfAbsent(routeShape.routeId(), id -> new ArrayList<>())
                        .add(geometry.createLineString(
                                path.stream().map(p -> project(p[0], p[1])).toArray(Coordinate[]::new))));
        shapesOfRoute
                .values()
                .forEach(shapes -> shapes.forEach(shape -> indexedShapes.put(shape, new LengthIndexedLine(shape))));
    }

    @Override
    public Optional<TransitRide> rideOf(LegProfile leg) {
        var trace = leg.trace();
        Map<String, Coordinate> boarding = stopsNear(trace.lat(leg.from()), trace.lon(leg.from()));
        if (boarding.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Coordinate> alighting = stopsNear(trace.lat(leg.to()), trace.lon(leg.to()));
        return boarding.keySet().stream()
                .filter(alighting::containsKey)
                .sorted()
                .filter(route -> modeOfRoute.get(route) != null && modeOfRoute.get(route) != TravelMode.UNKNOWN)
                .filter(route -> followsShapes(route, leg))
                .findFirst()
                .map(route -> ride(route, boarding.get(route), alighting.get(route)));
    }

    private TransitRide ride(String route, Coordinate board, Coordinate alight) {
        double[] from = unproject(board);
        double[] to = unproject(alight);
        return new TransitRide(
                modeOfRoute.get(route), from[0], from[1], to[0], to[1], lineDistance(route, board, alight));
    }

    /** Along the route's shape that passes nearest both stops; NaN when the route has none near them. */
    private double lineDistance(String route, Coordinate board, Coordinate alight) {
        double best = Double.NaN;
        double bestOff = SHAPE_CORRIDOR_M * 2;
        for (LineString shape : shapesOfRoute.getOrDefault(route, List.of())) {
            LengthIndexedLine line = indexedShapes.get(shape);
            double a = line.project(board);
            double b = line.project(alight);
            double off =
                    line.extractPoint(a).distance(board) + line.extractPoint(b).distance(alight);
            if (off < bestOff) {
                bestOff = off;
                best = Math.abs(b - a);
            }
        }
        return best;
    }

    /** The nearest stop of each route within {@value #STOP_RADIUS_M} m of a point. */
    private Map<String, Coordinate> stopsNear(double lat, double lon) {
        Coordinate at = project(lat, lon);
        Envelope around = new Envelope(at);
        around.expandBy(STOP_RADIUS_M);
        Map<String, Coordinate> nearest = new HashMap<>();
        for (Object found : stops.query(around)) {
            Point stop = (Point) found;
            double distance = stop.getCoordinate().distance(at);
            if (distance <= STOP_RADIUS_M) {
                for (String route : routesOfStop.getOrDefault((String) stop.getUserData(), Set.of())) {
                    Coordinate known = nearest.get(route);
                    if (known == null || distance < known.distance(at)) {
                        nearest.put(route, stop.getCoordinate());
                    }
                }
            }
        }
        return nearest;
    }

    private boolean followsShapes(String route, LegProfile leg) {
        List<LineString> shapes = shapesOfRoute.get(route);
        if (shapes == null) {
            return true;
        }
        int points = leg.to() - leg.from() + 1;
        int samples = Math.min(SAMPLES, points);
        int near = 0;
        for (int s = 0; s < samples; s++) {
            int i = leg.from() + (int) ((long) s * (points - 1) / Math.max(1, samples - 1));
            Point fix =
                    geometry.createPoint(project(leg.trace().lat(i), leg.trace().lon(i)));
            if (shapes.stream().anyMatch(shape -> shape.isWithinDistance(fix, SHAPE_CORRIDOR_M))) {
                near++;
            }
        }
        return near >= ON_SHAPE_SHARE * samples;
    }

    private Coordinate project(double lat, double lon) {
        return new Coordinate(lon * cosOrigin * METRES_PER_DEGREE, (lat - originLat) * METRES_PER_DEGREE);
    }

    private double[] unproject(Coordinate point) {
        return new double[] {originLat + point.y / METRES_PER_DEGREE, point.x / (cosOrigin * METRES_PER_DEGREE)};
    }

    /** GTFS route_type, basic and extended (Google's Hierarchical Vehicle Types). */
    static TravelMode mode(int routeType) {
        return switch (routeType) {
            case 0 -> TravelMode.TRAM;
            case 1 -> TravelMode.METRO;
            case 2 -> TravelMode.TRAIN;
            case 3, 11 -> TravelMode.BUS;
            default ->
                routeType >= 100 && routeType < 200
                        ? TravelMode.TRAIN
                        : routeType >= 400 && routeType < 500
                                ? TravelMode.METRO
                                : routeType >= 700 && routeType < 800
                                        ? TravelMode.BUS
                                        : routeType >= 900 && routeType < 1000 ? TravelMode.TRAM : TravelMode.UNKNOWN;
        };
    }
}
