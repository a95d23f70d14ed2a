package eu.selfdata.mobility.page;

import eu.selfdata.mobility.journey.TraceSource;
import eu.selfdata.mobility.journey.TripView;
import eu.selfdata.mobility.trip.Trace;
import eu.selfdata.usecase.api.CitizenId;
import java.util.ArrayList;
import java.util.List;

/** What the page's map draws: each shown trip's line, thinned to a few hundred points (the map needs no more). */
record TripPaths(long tripId, List<double[]> path) {

    static final int MAX_POINTS = 300;

    static List<TripPaths> of(List<TripView> trips, CitizenId citizen, TraceSource points) {
        return trips.stream()
                .map(trip -> new TripPaths(trip.id(), thinned(points.load(citizen, trip.startedAt(), trip.endedAt()))))
                .toList();
    }

    private static List<double[]> thinned(Trace trace) {
        int step = Math.max(1, (trace.size() + MAX_POINTS - 1) / MAX_POINTS);
        List<double[]> path = new ArrayList<>();
        for (int i = 0; i < trace.size(); i += step) {
            path.add(new double[] {round(trace.lat(i)), round(trace.lon(i))});
        }
        if (trace.size() > 0 && (trace.size() - 1) % step != 0) {
            path.add(new double[] {round(trace.lat(trace.size() - 1)), round(trace.lon(trace.size() - 1))});
        }
        return path;
    }

    /** Five decimals: about a metre, plenty for a line on a map. */
    private static double round(double degrees) {
        return Math.round(degrees * 100_000) / 100_000.0;
    }
}
