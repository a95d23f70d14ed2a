package eu.selfdata.mobility.trace;

import eu.selfdata.mobility.trip.MotionActivity;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Google's activity types, as Takeout writes them (Records.json's {@code DetectedActivity} names,
 * the Timeline's segment types in upper or lower case, with spaces or underscores), reduced to what
 * the segmenter weighs. A type Google adds later is no error: it counts as unknown.
 */
final class TakeoutActivities {

    private static final Set<String> ON_FOOT = Set.of("ON_FOOT", "WALKING", "RUNNING", "HIKING");
    private static final Set<String> CYCLING = Set.of("ON_BICYCLE", "CYCLING");
    private static final Set<String> IN_VEHICLE = Set.of(
            "IN_VEHICLE",
            "IN_ROAD_VEHICLE",
            "IN_RAIL_VEHICLE",
            "IN_FOUR_WHEELER_VEHICLE",
            "IN_TWO_WHEELER_VEHICLE",
            "IN_CAR",
            "IN_BUS",
            "IN_PASSENGER_VEHICLE",
            "IN_TAXI",
            "IN_TRAM",
            "IN_SUBWAY",
            "IN_TRAIN",
            "IN_FERRY",
            "MOTORCYCLING",
            "DRIVING",
            "FLYING");

    /** An activity as read: what and how sure (0 to 100). */
    record Reading(MotionActivity activity, int confidence) {}

    private TakeoutActivities() {}

    static MotionActivity of(String googleType) {
        String type = googleType.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (ON_FOOT.contains(type)) {
            return MotionActivity.ON_FOOT;
        }
        if (CYCLING.contains(type)) {
            return MotionActivity.CYCLING;
        }
        if (IN_VEHICLE.contains(type)) {
            return MotionActivity.IN_VEHICLE;
        }
        return "STILL".equals(type) ? MotionActivity.STILL : MotionActivity.UNKNOWN;
    }

    /**
     * Records.json's {@code "activity"}: [{"timestamp", "activity": [{"type", "confidence"}]}]; the
     * parser is on the array. The type with the highest confidence over all its records.
     */
    static Reading strongest(JsonParser parser, JsonToken value) {
        JsonTokens.expect(parser, value, JsonToken.START_ARRAY, "an array of activity records");
        Reading best = null;
        while (JsonTokens.nextIn(parser) != JsonToken.END_ARRAY) {
            JsonTokens.expect(parser, parser.currentToken(), JsonToken.START_OBJECT, "an activity record");
            while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken member = JsonTokens.nextIn(parser);
                if ("activity".equals(field)) {
                    JsonTokens.expect(parser, member, JsonToken.START_ARRAY, "an array of activities");
                    while (JsonTokens.nextIn(parser) != JsonToken.END_ARRAY) {
                        Reading reading = candidate(parser);
                        if (best == null || reading.confidence() > best.confidence()) {
                            best = reading;
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return best;
    }

    /** {"type": …, "confidence": 0..100}; the parser is on its start. */
    private static Reading candidate(JsonParser parser) {
        JsonTokens.expect(parser, parser.currentToken(), JsonToken.START_OBJECT, "an activity");
        String type = null;
        int confidence = Activities.DEFAULT_CONFIDENCE;
        while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = JsonTokens.nextIn(parser);
            switch (field) {
                case "type" -> {
                    JsonTokens.expect(parser, value, JsonToken.VALUE_STRING, "an activity type");
                    type = parser.getString();
                }
                case "confidence" -> {
                    if (!value.isNumeric() || !(parser.getDoubleValue() >= 0 && parser.getDoubleValue() <= 100)) {
                        throw JsonTokens.at(parser, TraceProblem.MALFORMED, "a confidence is 0 to 100");
                    }
                    confidence = (int) Math.round(parser.getDoubleValue());
                }
                default -> parser.skipChildren();
            }
        }
        if (type == null) {
            throw JsonTokens.at(parser, TraceProblem.MALFORMED, "an activity needs a \"type\"");
        }
        return new Reading(of(type), confidence);
    }
}
