package eu.selfdata.mobility.trace;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** ISO 8601 instants as GPX, GeoJSON and the app write them ("2026-03-02T08:15:00Z", offsets allowed). */
final class Timestamps {

    private Timestamps() {}

    static long parse(String text) {
        try {
            return Instant.parse(text.strip()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new InvalidTraceException(TraceProblem.MALFORMED, "'" + text + "' is not an ISO 8601 instant");
        }
    }
}
