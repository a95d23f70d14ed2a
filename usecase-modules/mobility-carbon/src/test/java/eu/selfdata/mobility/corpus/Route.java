package eu.selfdata.mobility.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A path in the local plane (metres east, north), sampled every metre or less: straight streets
 * joined by circular arcs at corners, so a vehicle has a radius to slow down for. Each vertex
 * knows its arc length, the radius of the curve it lies on (infinite on a straight) and whether it
 * is underground (no GPS fix there).
 */
final class Route {

    private static final double STEP_M = 1.0;

    private double[] x = new double[256];
    private double[] y = new double[256];
    private double[] s = new double[256];
    private double[] radius = new double[256];
    private boolean[] underground = new boolean[256];
    private int size;
    private double heading;

    private Route(double startX, double startY, double headingRad) {
        heading = headingRad;
        add(startX, startY, Double.POSITIVE_INFINITY, false);
    }

    static Route from(double x, double y, double headingDeg) {
        return new Route(x, y, Math.toRadians(headingDeg));
    }

    /**
     * Through the waypoints in order, corners rounded with this radius (smaller where the streets
     * are too short for it).
     */
    static Route through(List<double[]> waypoints, double cornerRadiusM) {
        double[] first = waypoints.getFirst();
        double[] second = waypoints.get(1);
        Route route = new Route(first[0], first[1], Math.atan2(second[0] - first[0], second[1] - first[1]));
        double cut = 0;
        for (int w = 1; w < waypoints.size(); w++) {
            double[] from = waypoints.get(w - 1);
            double[] to = waypoints.get(w);
            double length = Math.hypot(to[0] - from[0], to[1] - from[1]);
            if (w == waypoints.size() - 1) {
                route.straight(length - cut);
                break;
            }
            double[] next = waypoints.get(w + 1);
            double turn = normalise(
                    Math.atan2(next[0] - to[0], next[1] - to[1]) - Math.atan2(to[0] - from[0], to[1] - from[1]));
            double nextLength = Math.hypot(next[0] - to[0], next[1] - to[1]);
            double tangent = Math.abs(Math.tan(turn / 2));
            double r = Math.min(cornerRadiusM, Math.min(length - cut, nextLength / 2) / Math.max(tangent, 1e-9));
            double newCut = r * tangent;
            route.straight(Math.max(0, length - cut - newCut));
            route.turn(Math.toDegrees(turn), r);
            cut = newCut;
        }
        return route;
    }

    /**
     * Streets from {@code (fromX, fromY)} to {@code (toX, toY)} on a grid of streets at a random
     * angle: blocks of {@code block} metres, alternating between the grid's two directions, with an
     * occasional diagonal avenue.
     */
    static Route streets(Random random, double fromX, double fromY, double toX, double toY, Streets block) {
        double grid = random.nextDouble() * Math.PI / 2;
        double ux = Math.sin(grid);
        double uy = Math.cos(grid);
        double dx = toX - fromX;
        double dy = toY - fromY;
        // The trip in the grid's axes: a along (ux, uy), b along its normal.
        double a = dx * ux + dy * uy;
        double b = dx * uy - dy * ux;
        List<double[]> waypoints = new ArrayList<>();
        waypoints.add(new double[] {fromX, fromY});
        double doneA = 0;
        double doneB = 0;
        boolean alongA = random.nextBoolean();
        while (Math.abs(a - doneA) > 1 || Math.abs(b - doneB) > 1) {
            double remaining = alongA ? a - doneA : b - doneB;
            double blockM = block.min() + random.nextDouble() * (block.max() - block.min());
            double stepM = Math.abs(remaining) <= blockM * 1.5 ? remaining : Math.signum(remaining) * blockM;
            if (random.nextDouble() < block.diagonalShare()
                    && Math.abs(a - doneA) > blockM
                    && Math.abs(b - doneB) > blockM) {
                // an avenue across the grid: both axes at once, at an angle between 25° and 65°
                double share = 0.35 + random.nextDouble() * 0.3;
                double stepA = Math.signum(a - doneA) * blockM * share * 1.4;
                double stepB = Math.signum(b - doneB) * blockM * (1 - share) * 1.4;
                doneA += stepA;
                doneB += stepB;
            } else if (alongA) {
                doneA += stepM;
            } else {
                doneB += stepM;
            }
            waypoints.add(new double[] {fromX + doneA * ux + doneB * uy, fromY + doneA * uy - doneB * ux});
            alongA = !alongA;
        }
        waypoints.set(waypoints.size() - 1, new double[] {toX, toY});
        return through(dedupe(waypoints), block.cornerRadius());
    }

    /**
     * A free walk through streets of a given length, from a point and heading: at each corner a
     * turn of 20–90° either way, or straight on across the crossing.
     */
    static Route wander(Random random, double fromX, double fromY, double headingDeg, double lengthM, Streets block) {
        List<double[]> waypoints = new ArrayList<>();
        waypoints.add(new double[] {fromX, fromY});
        double heading = Math.toRadians(headingDeg);
        double x = fromX;
        double y = fromY;
        double done = 0;
        while (done < lengthM) {
            double blockM = Math.min(lengthM - done, block.min() + random.nextDouble() * (block.max() - block.min()));
            x += blockM * Math.sin(heading);
            y += blockM * Math.cos(heading);
            done += blockM;
            waypoints.add(new double[] {x, y});
            double turn = random.nextDouble() < 0.25
                    ? random.nextGaussian() * Math.toRadians(5)
                    : (random.nextBoolean() ? 1 : -1) * Math.toRadians(20 + random.nextDouble() * 70);
            heading += turn;
        }
        return through(dedupe(waypoints), block.cornerRadius());
    }

    private static List<double[]> dedupe(List<double[]> waypoints) {
        List<double[]> kept = new ArrayList<>();
        for (double[] point : waypoints) {
            if (kept.isEmpty() || Math.hypot(point[0] - kept.getLast()[0], point[1] - kept.getLast()[1]) > 2) {
                kept.add(point);
            }
        }
        if (kept.size() == 1) {
            kept.add(waypoints.getLast());
        }
        return kept;
    }

    Route straight(double lengthM) {
        return straight(lengthM, false);
    }

    /** A straight stretch; underground ones give no fix (a tunnel). */
    Route straight(double lengthM, boolean tunnel) {
        int steps = (int) Math.ceil(lengthM / STEP_M);
        double step = lengthM / Math.max(1, steps);
        double startX = x[size - 1];
        double startY = y[size - 1];
        for (int k = 1; k <= steps; k++) {
            add(
                    startX + k * step * Math.sin(heading),
                    startY + k * step * Math.cos(heading),
                    Double.POSITIVE_INFINITY,
                    tunnel);
        }
        return this;
    }

    /** A circular arc turning the heading by {@code degrees} (positive to the right). */
    Route turn(double degrees, double radiusM) {
        double angle = Math.toRadians(degrees);
        double length = Math.abs(angle) * radiusM;
        int steps = Math.max(1, (int) Math.ceil(length / STEP_M));
        double side = Math.signum(angle);
        // centre of the arc, on the turning side
        double cx = x[size - 1] + side * radiusM * Math.cos(heading);
        double cy = y[size - 1] - side * radiusM * Math.sin(heading);
        double start = heading;
        for (int k = 1; k <= steps; k++) {
            double h = start + angle * k / steps;
            add(cx - side * radiusM * Math.cos(h), cy + side * radiusM * Math.sin(h), radiusM, false);
        }
        heading = start + angle;
        return this;
    }

    /** A long gentle curve (a ring road, a railway): the heading drifts by up to ± maxDeg per kilometre. */
    Route curvy(Random random, double lengthM, double maxDegPerKm, double minRadiusM) {
        double done = 0;
        while (done < lengthM) {
            double piece = Math.min(lengthM - done, 200 + random.nextDouble() * 400);
            double degrees = (random.nextDouble() * 2 - 1) * maxDegPerKm * piece / 1000;
            double r = Math.max(minRadiusM, piece / Math.max(1e-6, Math.abs(Math.toRadians(degrees))));
            if (Math.abs(degrees) < 0.5) {
                straight(piece);
            } else {
                turn(degrees, r);
            }
            done += piece;
        }
        return this;
    }

    Route then(Route next) {
        for (int k = 1; k < next.size; k++) {
            add(next.x[k], next.y[k], next.radius[k], next.underground[k]);
        }
        heading = next.heading;
        return this;
    }

    private void add(double px, double py, double r, boolean tunnel) {
        if (size == x.length) {
            int grown = size * 2;
            x = Arrays.copyOf(x, grown);
            y = Arrays.copyOf(y, grown);
            s = Arrays.copyOf(s, grown);
            radius = Arrays.copyOf(radius, grown);
            underground = Arrays.copyOf(underground, grown);
        }
        x[size] = px;
        y[size] = py;
        s[size] = size == 0 ? 0 : s[size - 1] + Math.hypot(px - x[size - 1], py - y[size - 1]);
        radius[size] = r;
        underground[size] = tunnel;
        size++;
    }

    double lengthM() {
        return s[size - 1];
    }

    int size() {
        return size;
    }

    double x(int k) {
        return x[k];
    }

    double y(int k) {
        return y[k];
    }

    double s(int k) {
        return s[k];
    }

    double radius(int k) {
        return radius[k];
    }

    double endX() {
        return x[size - 1];
    }

    double endY() {
        return y[size - 1];
    }

    /** The position at arc length {@code at}, and whether it is underground. */
    double[] at(double at) {
        if (at <= 0) {
            return new double[] {x[0], y[0], underground[0] ? 1 : 0};
        }
        if (at >= s[size - 1]) {
            return new double[] {x[size - 1], y[size - 1], underground[size - 1] ? 1 : 0};
        }
        int k = Arrays.binarySearch(s, 0, size, at);
        if (k >= 0) {
            return new double[] {x[k], y[k], underground[k] ? 1 : 0};
        }
        int hi = -k - 1;
        int lo = hi - 1;
        double f = (at - s[lo]) / (s[hi] - s[lo]);
        return new double[] {x[lo] + f * (x[hi] - x[lo]), y[lo] + f * (y[hi] - y[lo]), underground[hi] ? 1 : 0};
    }

    /** Arc length of the vertex nearest to a point (for placing stops on a line). */
    double nearestS(double px, double py) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int k = 0; k < size; k++) {
            double d = Math.hypot(x[k] - px, y[k] - py);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return s[best];
    }

    /** The part between two arc lengths, as a route of its own (a ride along a line between two stops). */
    Route between(double fromS, double toS) {
        double[] start = at(fromS);
        int k = firstAfter(fromS);
        double[] second = at(Math.min(toS, s[Math.min(k, size - 1)]));
        Route part = new Route(start[0], start[1], Math.atan2(second[0] - start[0], second[1] - start[1]));
        for (; k < size && s[k] < toS; k++) {
            part.add(x[k], y[k], radius[k], underground[k]);
        }
        double[] end = at(toS);
        part.add(end[0], end[1], Double.POSITIVE_INFINITY, end[2] > 0);
        return part;
    }

    private int firstAfter(double at) {
        int k = Arrays.binarySearch(s, 0, size, at);
        return k >= 0 ? k + 1 : -k - 1;
    }

    /** The whole route marked underground (a metro line). */
    Route underground() {
        Arrays.fill(underground, 0, size, true);
        return this;
    }

    /** Every {@code everyM} metres, for a GTFS shape. */
    List<double[]> sampled(double everyM) {
        List<double[]> points = new ArrayList<>();
        for (double at = 0; at < lengthM(); at += everyM) {
            double[] p = at(at);
            points.add(new double[] {p[0], p[1]});
        }
        points.add(new double[] {endX(), endY()});
        return points;
    }

    private static double normalise(double angle) {
        while (angle > Math.PI) {
            angle -= 2 * Math.PI;
        }
        while (angle < -Math.PI) {
            angle += 2 * Math.PI;
        }
        return angle;
    }

    /** How a mode's streets look: block lengths, share of diagonal avenues, corner radius. */
    record Streets(double min, double max, double diagonalShare, double cornerRadius) {
        static final Streets FOOT = new Streets(50, 180, 0.25, 3);
        static final Streets BIKE = new Streets(80, 300, 0.25, 6);
        static final Streets ROAD = new Streets(120, 600, 0.3, 12);
    }
}
