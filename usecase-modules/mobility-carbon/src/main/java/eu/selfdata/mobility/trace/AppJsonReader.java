package eu.selfdata.mobility.trace;

import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The mobile app's batch: {@code {"points": [{"lat", "lon", "time", "accuracy"?, "speed"?, "activity"?}, ...]}}
 * (or the bare array), time as ISO 8601 or epoch milliseconds, accuracy in metres (68 % radius),
 * speed in m/s, activity the phone's activity recognition at that time:
 * {@code {"type": "walking", "confidence": 80}} — see {@link Activities} for the names (Android's and
 * iOS's) and confidences. Streamed point by point with Jackson's token parser.
 */
public final class AppJsonReader implements TraceReader {

    @Override
    public void read(InputStream in, PointSink sink) {
        try (JsonParser parser = JsonTokens.parser(in)) {
            JsonToken token = JsonTokens.first(parser);
            if (token == JsonToken.START_OBJECT) {
                token = JsonTokens.next(parser);
                while (token == JsonToken.PROPERTY_NAME && !"points".equals(parser.currentName())) {
                    JsonTokens.next(parser);
                    parser.skipChildren();
                    token = JsonTokens.next(parser);
                }
                if (token != JsonToken.PROPERTY_NAME) {
                    throw JsonTokens.malformed(parser, "no \"points\" array");
                }
                token = JsonTokens.next(parser);
            }
            JsonTokens.expect(parser, token, JsonToken.START_ARRAY, "an array of points");
            int index = 0;
            while ((token = JsonTokens.next(parser)) != JsonToken.END_ARRAY) {
                JsonTokens.expect(parser, token, JsonToken.START_OBJECT, "a point object");
                try {
                    sink.accept(point(parser));
                } catch (InvalidTraceException e) {
                    throw e.at("point " + index);
                }
                index++;
            }
        } catch (JacksonException e) {
            throw JsonTokens.syntax(e);
        }
    }

    private static TracePoint point(JsonParser parser) {
        double lat = Double.NaN;
        double lon = Double.NaN;
        double accuracy = Double.NaN;
        double speed = Double.NaN;
        Activities.Reading activity = null;
        Long time = null;
        JsonToken token;
        while ((token = JsonTokens.next(parser)) == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            switch (field) {
                case "lat" -> lat = JsonTokens.number(parser, field);
                case "lon" -> lon = JsonTokens.number(parser, field);
                case "accuracy" -> accuracy = JsonTokens.number(parser, field);
                case "speed" -> speed = JsonTokens.number(parser, field);
                case "time" -> time = JsonTokens.time(parser, JsonTokens.next(parser));
                case "activity" -> activity = Activities.read(parser);
                default -> {
                    JsonTokens.next(parser);
                    parser.skipChildren();
                }
            }
        }
        JsonTokens.expect(parser, token, JsonToken.END_OBJECT, "end of point");
        if (Double.isNaN(lat) || Double.isNaN(lon)) {
            throw JsonTokens.malformed(parser, "a point needs \"lat\" and \"lon\"");
        }
        if (time == null) {
            throw new InvalidTraceException(TraceProblem.MISSING_TIME, "a point needs \"time\"");
        }
        return activity == null
                ? new TracePoint(time, lat, lon, accuracy, speed)
                : new TracePoint(time, lat, lon, accuracy, speed, activity.activity(), activity.confidence());
    }
}
