package eu.selfdata.mobility.corpus;

import eu.selfdata.mobility.trip.TravelMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares what segmentation found with the truth of a case. A found trip answers a true trip when
 * it overlaps it most in time (one found trip per true trip); a found leg answers a true leg of
 * that trip likewise. A case's counts are exact when it has as many trips as the truth, each with
 * as many legs; a leg's distance is right within {@value #DISTANCE_TOLERANCE} of the truth, its
 * mode right when equal.
 */
record CorpusScore(
        String caseId,
        int trueTrips,
        int foundTrips,
        int trueLegs,
        int foundLegs,
        boolean countsExact,
        List<LegScore> legs) {

    static final double DISTANCE_TOLERANCE = 0.05;

    /** Something found over a span of time. */
    interface Span {
        Instant start();

        Instant end();
    }

    /** What segmentation found, however it was reached (in memory or from the database). */
    record Found(Instant start, Instant end, List<FoundLeg> legs) implements Span {}

    record FoundLeg(Instant start, Instant end, double distanceM, TravelMode mode) implements Span {}

    /** One true leg: its truth, and what answered it (distance NaN and mode null when nothing did). */
    record LegScore(TravelMode trueMode, double trueDistanceM, TravelMode foundMode, double foundDistanceM) {

        double distanceError() {
            return Double.isNaN(foundDistanceM)
                    ? Double.POSITIVE_INFINITY
                    : (foundDistanceM - trueDistanceM) / trueDistanceM;
        }

        boolean distanceRight() {
            return Math.abs(distanceError()) <= DISTANCE_TOLERANCE;
        }

        boolean modeRight() {
            return trueMode == foundMode;
        }
    }

    static CorpusScore of(String caseId, Truth truth, List<Found> found) {
        List<LegScore> legs = new ArrayList<>();
        boolean exact = truth.trips().size() == found.size();
        Set<Found> used = new HashSet<>();
        for (Truth.Trip trip : truth.trips()) {
            Found answer = best(found, trip.start(), trip.end());
            if (answer == null || !used.add(answer)) {
                exact = false;
                answer = null;
            }
            if (answer != null && answer.legs().size() != trip.legs().size()) {
                exact = false;
            }
            for (Truth.Leg leg : trip.legs()) {
                FoundLeg foundLeg = answer == null ? null : best(answer.legs(), leg.start(), leg.end());
                legs.add(new LegScore(
                        leg.mode(),
                        leg.distanceM(),
                        foundLeg == null ? null : foundLeg.mode(),
                        foundLeg == null ? Double.NaN : foundLeg.distanceM()));
            }
        }
        return new CorpusScore(
                caseId,
                truth.trips().size(),
                found.size(),
                truth.trips().stream().mapToInt(t -> t.legs().size()).sum(),
                found.stream().mapToInt(f -> f.legs().size()).sum(),
                exact,
                legs);
    }

    /** What overlaps the span most, or null when nothing does. */
    private static <T extends Span> T best(List<T> found, Instant start, Instant end) {
        T best = null;
        long bestOverlap = 0;
        for (T candidate : found) {
            long overlap = overlap(candidate.start(), candidate.end(), start, end);
            if (overlap > bestOverlap) {
                best = candidate;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    private static long overlap(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd) {
        long from = Math.max(aStart.toEpochMilli(), bStart.toEpochMilli());
        long to = Math.min(aEnd.toEpochMilli(), bEnd.toEpochMilli());
        return Math.max(0, to - from);
    }

    long legsWithRightDistance() {
        return legs.stream().filter(LegScore::distanceRight).count();
    }

    long legsWithRightMode() {
        return legs.stream().filter(LegScore::modeRight).count();
    }

    /** One line of the table: counts, the worst distance error, modes right, and the legs. */
    String row() {
        double worst = legs.stream()
                .mapToDouble(leg -> Math.abs(leg.distanceError()))
                .max()
                .orElse(0);
        StringBuilder detail = new StringBuilder();
        for (LegScore leg : legs) {
            detail.append(detail.isEmpty() ? "" : ", ")
                    .append(leg.trueMode().name().toLowerCase(Locale.ROOT));
            if (!leg.modeRight()) {
                detail.append("→")
                        .append(
                                leg.foundMode() == null
                                        ? "none"
                                        : leg.foundMode().name().toLowerCase(Locale.ROOT));
            }
            detail.append(String.format(Locale.ROOT, " %+.1f%%", 100 * leg.distanceError()));
        }
        return String.format(
                Locale.ROOT,
                "| %s | %d / %d | %d / %d | %s | %s | %d / %d | %s |",
                caseId,
                foundTrips,
                trueTrips,
                foundLegs,
                trueLegs,
                countsExact ? "yes" : "**no**",
                legs.isEmpty() ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * worst),
                legsWithRightMode(),
                legs.size(),
                detail);
    }

    static String header() {
        return "| case | trips found / true | legs found / true | counts exact | worst distance error | modes right | legs (true mode→found, distance error) |\n"
                + "|---|---|---|---|---|---|---|";
    }

    /** Totals over cases, as the acceptance floors count them. */
    record Summary(int cases, int exactCases, int legs, int distanceRight, int modeRight) {

        static Summary of(List<CorpusScore> scores) {
            return new Summary(
                    scores.size(),
                    (int) scores.stream().filter(CorpusScore::countsExact).count(),
                    scores.stream().mapToInt(s -> s.legs().size()).sum(),
                    (int) scores.stream()
                            .mapToLong(CorpusScore::legsWithRightDistance)
                            .sum(),
                    (int) scores.stream()
                            .mapToLong(CorpusScore::legsWithRightMode)
                            .sum());
        }

        double exactShare() {
            return (double) exactCases / cases;
        }

        double distanceShare() {
            return legs == 0 ? 1 : (double) distanceRight / legs;
        }

        double modeShare() {
            return legs == 0 ? 1 : (double) modeRight / legs;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "counts exact on %d / %d cases (%.1f %%), distance within 5 %% on %d / %d legs (%.1f %%), "
                            + "mode right on %d / %d legs (%.1f %%)",
                    exactCases,
                    cases,
                    100 * exactShare(),
                    distanceRight,
                    legs,
                    100 * distanceShare(),
                    modeRight,
                    legs,
                    100 * modeShare());
        }
    }
}
