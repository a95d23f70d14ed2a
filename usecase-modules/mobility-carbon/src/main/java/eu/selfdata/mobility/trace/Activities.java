package eu.selfdata.mobility.trace;

import eu.selfdata.mobility.trip.MotionActivity;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A fix's {@code "activity"} in the app's batch: {@code {"type": …, "confidence": …}}. Types are
 * Android's {@code DetectedActivity} names and iOS's {@code CMMotionActivity} properties, in any
 * case: {@code still}/{@code stationary}, {@code walking}/{@code running}/{@code on_foot},
 * {@code cycling}/{@code on_bicycle}, {@code in_vehicle}/{@code automotive}, {@code unknown}/{@code tilting}.
 * Confidence is Android's 0–100 or iOS's {@code low}/{@code medium}/{@code high} (taken as 33, 67,
 * 100); without one, 50.
 */
final class Activities {

    static final int DEFAULT_CONFIDENCE = 50;
    private static final Map<String, MotionActivity> TYPES = Map.ofEntries(
            Map.entry("still", MotionActivity.STILL),
            Map.entry("stationary", MotionActivity.STILL),
            Map.entry("walking", MotionActivity.ON_FOOT),
            Map.entry("running", MotionActivity.ON_FOOT),
            Map.entry("on_foot", MotionActivity.ON_FOOT),
            Map.entry("cycling", MotionActivity.CYCLING),
            Map.entry("on_bicycle", MotionActivity.CYCLING),
            Map.entry("in_vehicle", MotionActivity.IN_VEHICLE),
            Map.entry("automotive", MotionActivity.IN_VEHICLE),
            Map.entry("unknown", MotionActivity.UNKNOWN),
            Map.entry("tilting", MotionActivity.UNKNOWN));
    private static final Map<String, Integer> LEVELS = Map.of("low", 33, "medium", 67, "high", 100);

    /** An activity as read: what and how sure. */
    record Reading(MotionActivity activity, int confidence) {}

    private Activities() {}

    /** Reads the value of an {@code "activity"} member; the parser is on its name. */
    static Reading read(JsonParser parser) {
        JsonTokens.expect(parser, JsonTokens.next(parser), JsonToken.START_OBJECT, "an activity object");
        MotionActivity activity = null;
        int confidence = DEFAULT_CONFIDENCE;
        JsonToken token;
        while ((token = JsonTokens.next(parser)) == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = JsonTokens.next(parser);
            switch (field) {
                case "type" -> {
                    JsonTokens.expect(parser, value, JsonToken.VALUE_STRING, "an activity type");
                    activity = TYPES.get(parser.getString().toLowerCase(Locale.ROOT));
                    if (activity == null) {
                        throw JsonTokens.malformed(
                                parser,
                                "unknown activity type; use one of "
                                        + TYPES.keySet().stream().sorted().toList());
                    }
                }
                case "confidence" -> confidence = confidence(parser, value);
                default -> parser.skipChildren();
            }
        }
        JsonTokens.expect(parser, token, JsonToken.END_OBJECT, "end of activity");
        if (activity == null) {
            throw JsonTokens.malformed(parser, "an activity needs a \"type\"");
        }
        return new Reading(activity, confidence);
    }

    private static int confidence(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            Integer level = LEVELS.get(parser.getString().toLowerCase(Locale.ROOT));
            if (level == null) {
                throw JsonTokens.malformed(parser, "a confidence is 0 to 100, or low, medium or high");
            }
            return level;
        }
        if (!value.isNumeric() || !(parser.getDoubleValue() >= 0 && parser.getDoubleValue() <= 100)) {
            throw JsonTokens.malformed(parser, "a confidence is 0 to 100, or low, medium or high");
        }
        return (int) Math.round(parser.getDoubleValue());
    }
}
