package eu.selfdata.mobility.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Motion along a route as a vehicle or a walker does it: the speed wanders around the mode's cruise
 * speed (±{@code spread}, over a hundred metres or so), is capped in curves by the lateral
 * acceleration the mode accepts (v ≤ √(a·r)), drops to zero at halts (lights, stops, stations)
 * and changes no faster than the mode accelerates and brakes. Times are kept per route vertex
 * (one metre apart), arrival and departure apart at halts.
 */
final class Ride {

    /** How a mode moves: cruise speed, acceleration, braking, lateral acceleration in curves, speed spread. */
    record Profile(double cruiseMps, double accelMps2, double brakeMps2, double lateralMps2, double spread) {

        Profile withCruise(double mps) {
            return new Profile(mps, accelMps2, brakeMps2, lateralMps2, spread);
        }
    }

    /** A halt {@code atM} metres along the route, for {@code seconds}. */
    record Halt(double atM, double seconds) {}

    private final Route route;
    private final double[] arrive;
    private final double[] depart;

    private Ride(Route route, double[] arrive, double[] depart) {
        this.route = route;
        this.arrive = arrive;
        this.depart = depart;
    }

    static Ride along(Route route, Profile profile, List<Halt> halts, Random random) {
        int n = route.size();
        double[] limit = new double[n];
        double[] dwell = new double[n];
        double wander = 0;
        for (int k = 0; k < n; k++) {
            double ds = k == 0 ? 0 : route.s(k) - route.s(k - 1);
            double keep = Math.exp(-ds / 120);
            wander = keep * wander + Math.sqrt(1 - keep * keep) * profile.spread() * random.nextGaussian();
            double cruise = profile.cruiseMps() * Math.max(0.6, 1 + wander);
            limit[k] = Math.min(cruise, Math.sqrt(profile.lateralMps2() * route.radius(k)));
        }
        for (Halt halt : halts) {
            int k = vertexAt(route, halt.atM());
            limit[k] = 0;
            dwell[k] += halt.seconds();
        }
        limit[0] = 0;
        limit[n - 1] = 0;
        double[] v = new double[n];
        for (int k = 1; k < n; k++) {
            double ds = route.s(k) - route.s(k - 1);
            v[k] = Math.min(limit[k], Math.sqrt(v[k - 1] * v[k - 1] + 2 * profile.accelMps2() * ds));
        }
        for (int k = n - 2; k >= 0; k--) {
            double ds = route.s(k + 1) - route.s(k);
            v[k] = Math.min(v[k], Math.sqrt(v[k + 1] * v[k + 1] + 2 * profile.brakeMps2() * ds));
        }
        double[] arrive = new double[n];
        double[] depart = new double[n];
        depart[0] = dwell[0];
        for (int k = 1; k < n; k++) {
            double ds = route.s(k) - route.s(k - 1);
            double mean = (v[k - 1] + v[k]) / 2;
            arrive[k] = depart[k - 1] + (ds == 0 ? 0 : ds / Math.max(mean, 0.05));
            depart[k] = arrive[k] + dwell[k];
        }
        return new Ride(route, arrive, depart);
    }

    private static int vertexAt(Route route, double atM) {
        int best = 1;
        for (int k = 1; k < route.size() - 1; k++) {
            if (Math.abs(route.s(k) - atM) < Math.abs(route.s(best) - atM)) {
                best = k;
            }
        }
        return best;
    }

    double durationS() {
        return depart[depart.length - 1];
    }

    double lengthM() {
        return route.lengthM();
    }

    Route route() {
        return route;
    }

    /** Arc length reached {@code t} seconds after the start. */
    double sAt(double t) {
        int n = arrive.length;
        if (t >= arrive[n - 1]) {
            return route.s(n - 1);
        }
        int k = Arrays.binarySearch(arrive, t);
        if (k >= 0) {
            return route.s(k);
        }
        int next = -k - 1;
        int last = next - 1;
        if (t <= depart[last]) {
            return route.s(last);
        }
        double f = (t - depart[last]) / (arrive[next] - depart[last]);
        return route.s(last) + f * (route.s(next) - route.s(last));
    }

    /** Speed {@code t} seconds after the start, metres per second. */
    double speedAt(double t) {
        int n = arrive.length;
        if (t <= 0 || t >= arrive[n - 1]) {
            return 0;
        }
        int k = Arrays.binarySearch(arrive, t);
        int next = k >= 0 ? k + 1 : -k - 1;
        int last = next - 1;
        if (next >= n || t <= depart[last]) {
            return 0;
        }
        return (route.s(next) - route.s(last)) / (arrive[next] - depart[last]);
    }
}
