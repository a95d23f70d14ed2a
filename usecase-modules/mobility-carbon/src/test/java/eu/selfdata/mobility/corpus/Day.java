package eu.selfdata.mobility.corpus;

import eu.selfdata.mobility.trip.Geo;
import eu.selfdata.mobility.trip.TravelMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a person really did, second by second, and the truth the segmentation must find: stays
 * (at a place for {@link #DWELL} or more: a trip ends), short stops inside a trip, and rides along
 * routes in a mode. Consecutive rides of one mode are one leg, through a short stop; a short stop
 * between two modes belongs to the leg that follows it (the wait for the bus is part of the bus
 * leg). Positions are in a local plane (metres east and north of La Rochelle's old harbour).
 */
final class Day {

    static final Duration DWELL = Duration.ofMinutes(5);
    static final double ORIGIN_LAT = 46.1558;
    static final double ORIGIN_LON = -1.1532;
    private static final double METRES_PER_DEGREE = Geo.EARTH_RADIUS_M * Math.PI / 180;

    /** A span of the day: staying somewhere, or riding a route. */
    sealed interface Episode {
        double startS();

        double endS();
    }

    record Staying(double startS, double endS, double x, double y, boolean indoors) implements Episode {}

    record Moving(double startS, double endS, Ride ride, TravelMode mode) implements Episode {}

    private final Instant start;
    private final List<Episode> episodes = new ArrayList<>();
    private final List<Truth.Trip> trips = new ArrayList<>();
    private List<Truth.Leg> legs;
    private double tripStartS;
    private double clockS;
    private double x;
    private double y;
    private double pendingStopS = -1;

    Day(Instant start, double x, double y) {
        this.start = start;
        this.x = x;
        this.y = y;
    }

    /** Before anything happened, puts the day's start {@code distanceM} from a point, in a direction (radians from north). */
    Day moveTo(double pointX, double pointY, double distanceM, double direction) {
        if (!episodes.isEmpty()) {
            throw new IllegalStateException("the start moves before the day begins");
        }
        x = pointX + distanceM * Math.sin(direction);
        y = pointY + distanceM * Math.cos(direction);
        return this;
    }

    /** At a place for a while (a trip ends): indoors, positions are worse. */
    Day stay(Duration duration, boolean indoors) {
        if (duration.compareTo(DWELL) < 0) {
            throw new IllegalArgumentException("a stay lasts at least the dwell; a shorter stop is pause()");
        }
        closeTrip();
        episodes.add(new Staying(clockS, clockS + duration.toSeconds(), x, y, indoors));
        clockS += duration.toSeconds();
        return this;
    }

    /** A stop inside a trip, shorter than the dwell: waiting for a bus, dropping someone off. */
    Day pause(Duration duration) {
        if (duration.compareTo(DWELL) >= 0 || legs == null) {
            throw new IllegalArgumentException("a pause is shorter than the dwell and inside a trip");
        }
        if (pendingStopS < 0) {
            pendingStopS = clockS;
        }
        episodes.add(new Staying(clockS, clockS + duration.toSeconds(), x, y, false));
        clockS += duration.toSeconds();
        return this;
    }

    /** Rides the whole route (which must start where the person is). */
    Day ride(TravelMode mode, Ride ride) {
        Route route = ride.route();
        if (Math.hypot(route.x(0) - x, route.y(0) - y) > 1) {
            throw new IllegalArgumentException("a route starts where the person is");
        }
        double legStart = pendingStopS >= 0 ? pendingStopS : clockS;
        if (legs == null) {
            legs = new ArrayList<>();
            tripStartS = clockS;
            legStart = clockS;
        }
        episodes.add(new Moving(clockS, clockS + ride.durationS(), ride, mode));
        clockS += ride.durationS();
        double distance = geodesicLength(route);
        if (!legs.isEmpty() && legs.getLast().mode() == mode) {
            Truth.Leg last = legs.removeLast();
            legs.add(new Truth.Leg(mode, last.distanceM() + distance, last.start(), at(clockS)));
        } else {
            legs.add(new Truth.Leg(mode, distance, at(legStart), at(clockS)));
        }
        pendingStopS = -1;
        x = route.endX();
        y = route.endY();
        return this;
    }

    /** The day ends (a stay must end it). */
    Truth finish() {
        if (legs != null) {
            throw new IllegalStateException("a day ends at a place: finish with stay()");
        }
        return new Truth(List.copyOf(trips));
    }

    private void closeTrip() {
        if (legs != null) {
            trips.add(new Truth.Trip(at(tripStartS), at(clockS), List.copyOf(legs)));
            legs = null;
            pendingStopS = -1;
        }
    }

    List<Episode> episodes() {
        return episodes;
    }

    Instant start() {
        return start;
    }

    double x() {
        return x;
    }

    double y() {
        return y;
    }

    double clockS() {
        return clockS;
    }

    Instant at(double seconds) {
        return start.plusMillis(Math.round(seconds * 1000));
    }

    static double lat(double y) {
        return ORIGIN_LAT + y / METRES_PER_DEGREE;
    }

    static double lon(double x) {
        return ORIGIN_LON + x / (METRES_PER_DEGREE * Math.cos(Math.toRadians(ORIGIN_LAT)));
    }

    /** The route's length as the module measures lengths (on the sphere), vertex to vertex. */
    private static double geodesicLength(Route route) {
        double length = 0;
        for (int k = 1; k < route.size(); k++) {
            length += Geo.haversineM(lat(route.y(k - 1)), lon(route.x(k - 1)), lat(route.y(k)), lon(route.x(k)));
        }
        return length;
    }
}
