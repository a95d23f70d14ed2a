package eu.selfdata.mobility.corpus;

import eu.selfdata.mobility.trip.TravelMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Building blocks of the corpus' days, with realistic speeds: walks through streets, bike and car
 * rides with red lights, rides on the network's lines from stop to stop (walking to the stop and
 * waiting for the vehicle), each drawn from a seeded random source.
 */
final class Scenarios {

    private final Random random;
    private final Network network;

    Scenarios(Random random, Network network) {
        this.random = random;
        this.network = network;
    }

    Random random() {
        return random;
    }

    Network network() {
        return network;
    }

    /** A day starting at a random place of the city, some morning of March 2026. */
    Day day() {
        Instant start = Instant.parse("2026-03-02T06:30:00Z")
                .plus(Duration.ofDays(random.nextInt(28)))
                .plusSeconds(random.nextInt(3600));
        return new Day(start, (random.nextDouble() * 2 - 1) * 2000, (random.nextDouble() * 2 - 1) * 2000);
    }

    Duration minutes(double from, double to) {
        return Duration.ofSeconds(Math.round(60 * (from + random.nextDouble() * (to - from))));
    }

    static Ride.Profile profile(TravelMode mode, Random random) {
        return switch (mode) {
            case WALK -> new Ride.Profile(between(random, 1.15, 1.55), 0.6, 0.8, 1.5, 0.06);
            case BIKE -> new Ride.Profile(between(random, 3.6, 5.3), 0.8, 1.5, 2.0, 0.1);
            case EBIKE -> new Ride.Profile(between(random, 6.1, 6.8), 1.0, 1.5, 2.5, 0.06);
            case CAR -> new Ride.Profile(between(random, 9, 14), 2.0, 2.5, 2.5, 0.12);
            default -> throw new IllegalArgumentException(mode + " rides a line");
        };
    }

    /** Walks through the streets to a point. */
    Scenarios walkTo(Day day, double x, double y) {
        return go(day, TravelMode.WALK, x, y);
    }

    /** Goes through the streets to a point, on foot, by bike or by car, stopping at some lights. */
    Scenarios go(Day day, TravelMode mode, double x, double y) {
        Route.Streets streets = switch (mode) {
            case WALK -> Route.Streets.FOOT;
            case BIKE, EBIKE -> Route.Streets.BIKE;
            default -> Route.Streets.ROAD;
        };
        Route route = Route.streets(random, day.x(), day.y(), x, y, streets);
        day.ride(mode, Ride.along(route, profile(mode, random), lights(route, mode), random));
        return this;
    }

    /** Goes this far (as the crow flies) in a random direction at a given cruise speed (a car crawling in traffic). */
    Scenarios goAt(Day day, TravelMode mode, double crowFliesM, double cruiseMps) {
        double bearing = random.nextDouble() * 2 * Math.PI;
        Route route = Route.streets(
                random,
                day.x(),
                day.y(),
                day.x() + crowFliesM * Math.sin(bearing),
                day.y() + crowFliesM * Math.cos(bearing),
                Route.Streets.ROAD);
        day.ride(mode, Ride.along(route, profile(mode, random).withCruise(cruiseMps), lights(route, mode), random));
        return this;
    }

    /** Goes this far (as the crow flies) in a random direction. */
    Scenarios go(Day day, TravelMode mode, double crowFliesM) {
        double bearing = random.nextDouble() * 2 * Math.PI;
        return go(day, mode, day.x() + crowFliesM * Math.sin(bearing), day.y() + crowFliesM * Math.cos(bearing));
    }

    /** A walk that wanders through streets for this length, wherever it leads. */
    Scenarios stroll(Day day, double lengthM) {
        Route route = Route.wander(random, day.x(), day.y(), random.nextDouble() * 360, lengthM, Route.Streets.FOOT);
        day.ride(
                TravelMode.WALK,
                Ride.along(route, profile(TravelMode.WALK, random), lights(route, TravelMode.WALK), random));
        return this;
    }

    /** A stroll at a given cruise speed. */
    Scenarios strollAt(Day day, double lengthM, double speedMps) {
        Route route = Route.wander(random, day.x(), day.y(), random.nextDouble() * 360, lengthM, Route.Streets.FOOT);
        day.ride(
                TravelMode.WALK,
                Ride.along(
                        route,
                        profile(TravelMode.WALK, random).withCruise(speedMps),
                        lights(route, TravelMode.WALK),
                        random));
        return this;
    }

    /** A car ride with a tunnel of {@code tunnelM} in the middle of a road out of town. */
    Scenarios driveThroughTunnel(Day day, double tunnelM) {
        Route route = Route.from(day.x(), day.y(), random.nextDouble() * 360)
                .straight(300 + random.nextDouble() * 400)
                .turn(60 + random.nextDouble() * 30, 12)
                .straight(400)
                .curvy(random, 1500, 20, 200)
                .straight(tunnelM, true)
                .curvy(random, 1500, 20, 200)
                .turn(-80, 12)
                .straight(300);
        Ride.Profile road = profile(TravelMode.CAR, random);
        day.ride(
                TravelMode.CAR,
                Ride.along(route, road.withCruise(road.cruiseMps() * 1.3), lights(route, TravelMode.CAR), random));
        return this;
    }

    /**
     * Walks to a stop of the line, waits, rides {@code stops} stops from {@code fromStop} (halting at
     * each but one in seven), and gets off.
     */
    Scenarios rideLine(Day day, Network.Line line, int fromStop, int stops, Duration wait) {
        double[] stop = line.stop(fromStop);
        walkTo(day, stop[0], stop[1]);
        day.pause(wait);
        int toStop = fromStop + stops;
        double from = line.stopsAtM()[fromStop];
        double to = line.stopsAtM()[toStop];
        Route route = line.route().between(from, to);
        List<Ride.Halt> halts = new ArrayList<>();
        for (int s = fromStop + 1; s < toStop; s++) {
            if (random.nextDouble() > 1.0 / 7) {
                halts.add(new Ride.Halt(line.stopsAtM()[s] - from, line.dwellS() * (0.5 + random.nextDouble())));
            }
        }
        if (line.mode() == TravelMode.BUS) {
            halts.addAll(lights(route, TravelMode.BUS));
        }
        Ride.Profile profile =
                line.profile().withCruise(line.profile().cruiseMps() * (0.9 + 0.2 * random.nextDouble()));
        day.ride(line.mode(), Ride.along(route, profile, halts, random));
        return this;
    }

    /** Red lights: one per 500 m of road (700 m by bike, 400 m on foot) on average, a third of them red. */
    private List<Ride.Halt> lights(Route route, TravelMode mode) {
        double every = switch (mode) {
            case WALK -> 400;
            case BIKE, EBIKE -> 700;
            default -> 500;
        };
        double longest = mode == TravelMode.WALK ? 25 : 50;
        List<Ride.Halt> halts = new ArrayList<>();
        for (double at = every * random.nextDouble();
                at < route.lengthM() - 50;
                at += every * (0.5 + random.nextDouble())) {
            if (at > 50 && random.nextDouble() < 1.0 / 3) {
                halts.add(new Ride.Halt(at, 5 + random.nextDouble() * (longest - 5)));
            }
        }
        return halts;
    }

    static double between(Random random, double from, double to) {
        return from + random.nextDouble() * (to - from);
    }
}
