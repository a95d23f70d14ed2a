package eu.selfdata.mobility.trace;

import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Google Takeout's legacy Location History, {@code Records.json} (format as documented by
 * locationhistoryformat.com): {@code {"locations": [{"latitudeE7", "longitudeE7", "accuracy"?,
 * "velocity"?, "timestamp" | "timestampMs", "activity"?: [{"timestamp", "activity": [{"type",
 * "confidence"}]}]}, …]}}. Coordinates are degrees × 10⁷ in whole numbers, accuracy the 68 % radius
 * in metres, velocity metres per second; the activity with the highest confidence at the record is
 * kept as evidence ({@link TakeoutActivities}). Streamed record by record with Jackson's token
 * parser; a bad record is refused naming its JSON pointer, line and column.
 */
public final class TakeoutRecordsReader {

    private static final long LATITUDE_E7 = 900_000_000L;
    private static final long LONGITUDE_E7 = 1_800_000_000L;

    /** Pushes every location record to the sink as a point, in file order. */
    public void read(InputStream in, PointSink sink) {
        JsonParser parser = JsonTokens.parser(in);
        try (parser) {
            JsonTokens.expect(parser, JsonTokens.first(parser), JsonToken.START_OBJECT, "a Records.json object");
            boolean sawLocations = false;
            JsonToken token;
            while ((token = JsonTokens.nextIn(parser)) == JsonToken.PROPERTY_NAME) {
                if ("locations".equals(parser.currentName())) {
                    JsonTokens.expect(
                            parser, JsonTokens.nextIn(parser), JsonToken.START_ARRAY, "an array of locations");
                    while (JsonTokens.nextIn(parser) != JsonToken.END_ARRAY) {
                        String place = JsonTokens.place(parser);
                        TracePoint point = record(parser, place);
                        try {
                            sink.accept(point);
                        } catch (InvalidTraceException e) {
                            throw e.at("at " + place);
                        }
                    }
                    sawLocations = true;
                } else {
                    JsonTokens.nextIn(parser);
                    parser.skipChildren();
                }
            }
            if (!sawLocations) {
                throw JsonTokens.at(parser, TraceProblem.MALFORMED, "no \"locations\" array: not a Records.json");
            }
        } catch (JacksonException e) {
            throw JsonTokens.syntax(e, parser);
        }
    }

    private static TracePoint record(JsonParser parser, String record) {
        JsonTokens.expect(parser, parser.currentToken(), JsonToken.START_OBJECT, "a location record");
        Long latE7 = null;
        Long lonE7 = null;
        double accuracy = Double.NaN;
        double speed = Double.NaN;
        Long time = null;
        TakeoutActivities.Reading activity = null;
        while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = JsonTokens.nextIn(parser);
            switch (field) {
                case "latitudeE7" -> latE7 = e7(parser, value, LATITUDE_E7);
                case "longitudeE7" -> lonE7 = e7(parser, value, LONGITUDE_E7);
                case "accuracy" -> accuracy = nonNegative(parser, value);
                case "velocity" -> speed = nonNegative(parser, value);
                case "timestamp" -> time = JsonTokens.isoTime(parser, value);
                case "timestampMs" -> time = time == null ? millis(parser, value) : time;
                case "activity" -> activity = TakeoutActivities.strongest(parser, value);
                default -> parser.skipChildren();
            }
        }
        if (latE7 == null || lonE7 == null) {
            throw new InvalidTraceException(
                    TraceProblem.MALFORMED, "at " + record + ": a location needs \"latitudeE7\" and \"longitudeE7\"");
        }
        if (time == null) {
            throw new InvalidTraceException(
                    TraceProblem.MISSING_TIME, "at " + record + ": a location needs \"timestamp\" or \"timestampMs\"");
        }
        try {
            return activity == null
                    ? new TracePoint(time, latE7 / 1e7, lonE7 / 1e7, accuracy, speed)
                    : new TracePoint(
                            time,
                            latE7 / 1e7,
                            lonE7 / 1e7,
                            accuracy,
                            speed,
                            activity.activity(),
                            activity.confidence());
        } catch (InvalidTraceException e) {
            throw e.at("at " + record);
        }
    }

    /** Degrees × 10⁷ as a whole number within ±{@code bound}. */
    private static long e7(JsonParser parser, JsonToken value, long bound) {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw JsonTokens.at(
                    parser,
                    TraceProblem.COORDINATE_OUT_OF_RANGE,
                    "an E7 coordinate is a whole number (degrees × 10^7)");
        }
        long e7 = parser.getLongValue();
        if (e7 < -bound || e7 > bound) {
            throw JsonTokens.at(
                    parser, TraceProblem.COORDINATE_OUT_OF_RANGE, e7 + " is outside ±" + bound + " (degrees × 10^7)");
        }
        return e7;
    }

    private static double nonNegative(JsonParser parser, JsonToken value) {
        if (!value.isNumeric() || parser.getDoubleValue() < 0) {
            throw JsonTokens.at(parser, TraceProblem.MALFORMED, "a number of at least 0 expected");
        }
        return parser.getDoubleValue();
    }

    /** Epoch milliseconds, as a string of digits (as Takeout writes it) or a number. */
    private static long millis(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        if (value == JsonToken.VALUE_STRING && parser.getString().matches("-?\\d{1,15}")) {
            return Long.parseLong(parser.getString());
        }
        throw JsonTokens.at(parser, TraceProblem.MALFORMED, "\"timestampMs\" is epoch milliseconds");
    }
}
