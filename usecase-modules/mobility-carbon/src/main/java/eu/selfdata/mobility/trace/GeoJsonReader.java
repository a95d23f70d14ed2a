package eu.selfdata.mobility.trace;

import java.io.InputStream;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * GeoJSON (RFC 7946) FeatureCollection or Feature: {@code Point} features with a {@code time} (or
 * {@code timestamp}) property and optional {@code accuracy} / {@code speed}, and {@code LineString}
 * features with a {@code coordTimes} (or {@code times}) array, one time per coordinate — the
 * convention of GPX-to-GeoJSON converters. Streamed feature by feature; a LineString's coordinates
 * wait in primitive arrays until its times are read (members may come in any order).
 */
public final class GeoJsonReader implements TraceReader {

    @Override
    public void read(InputStream in, PointSink sink) {
        try (JsonParser parser = JsonTokens.parser(in)) {
            JsonToken token = JsonTokens.first(parser);
            JsonTokens.expect(parser, token, JsonToken.START_OBJECT, "a GeoJSON object");
            Feature feature = new Feature();
            String type = null;
            boolean sawFeatures = false;
            while ((token = JsonTokens.next(parser)) == JsonToken.PROPERTY_NAME) {
                String member = parser.currentName();
                JsonToken value = JsonTokens.next(parser);
                switch (member) {
                    case "type" -> type = parser.getString();
                    case "features" -> {
                        JsonTokens.expect(parser, value, JsonToken.START_ARRAY, "an array of features");
                        int index = 0;
                        while ((value = JsonTokens.next(parser)) != JsonToken.END_ARRAY) {
                            JsonTokens.expect(parser, value, JsonToken.START_OBJECT, "a feature");
                            feature.readMembers(parser);
                            feature.emit(sink, "feature " + index++);
                        }
                        sawFeatures = true;
                    }
                    case "geometry", "properties" -> feature.readMember(parser, member, value);
                    default -> parser.skipChildren();
                }
            }
            if ("Feature".equals(type)) {
                feature.emit(sink, "feature");
            } else if (!"FeatureCollection".equals(type) || !sawFeatures) {
                throw new InvalidTraceException(
                        TraceProblem.MALFORMED,
                        "expected a FeatureCollection with \"features\" or a Feature, found type " + type);
            }
        } catch (JacksonException e) {
            throw JsonTokens.syntax(e);
        }
    }

    /** One feature's members, reused from feature to feature. */
    private static final class Feature {
        private String geometryType;
        private double[] coordinates = new double[64];
        private int coordinateCount;
        private long[] times = new long[32];
        private int timeCount;
        private double accuracy = Double.NaN;
        private double speed = Double.NaN;

        void readMembers(JsonParser parser) {
            reset();
            JsonToken token;
            while ((token = JsonTokens.next(parser)) == JsonToken.PROPERTY_NAME) {
                String member = parser.currentName();
                readMember(parser, member, JsonTokens.next(parser));
            }
            JsonTokens.expect(parser, token, JsonToken.END_OBJECT, "end of feature");
        }

        void readMember(JsonParser parser, String member, JsonToken value) {
            switch (member) {
                case "geometry" -> geometry(parser, value);
                case "properties" -> properties(parser, value);
                default -> parser.skipChildren();
            }
        }

        private void geometry(JsonParser parser, JsonToken token) {
            JsonTokens.expect(parser, token, JsonToken.START_OBJECT, "a geometry object");
            while ((token = JsonTokens.next(parser)) == JsonToken.PROPERTY_NAME) {
                String member = parser.currentName();
                JsonToken value = JsonTokens.next(parser);
                switch (member) {
                    case "type" -> geometryType = parser.getString();
                    case "coordinates" -> coordinates(parser, value);
                    default -> parser.skipChildren();
                }
            }
        }

        /** A position [lon, lat(, elevation)] or an array of them, flattened to lon, lat pairs. */
        private void coordinates(JsonParser parser, JsonToken token) {
            JsonTokens.expect(parser, token, JsonToken.START_ARRAY, "coordinates");
            if (geometryType != null && !isTrace(geometryType)) {
                parser.skipChildren();
                return;
            }
            JsonToken first = JsonTokens.next(parser);
            if (first.isNumeric()) {
                position(parser, first);
                return;
            }
            for (JsonToken position = first; position != JsonToken.END_ARRAY; position = JsonTokens.next(parser)) {
                JsonTokens.expect(parser, position, JsonToken.START_ARRAY, "a position");
                position(parser, JsonTokens.next(parser));
            }
        }

        /** Reads the rest of a position whose first number is the current token. */
        private void position(JsonParser parser, JsonToken lonToken) {
            if (!lonToken.isNumeric()) {
                throw JsonTokens.malformed(parser, "a position is [longitude, latitude]");
            }
            double lon = parser.getDoubleValue();
            double lat = JsonTokens.number(parser, "latitude");
            JsonToken rest;
            while ((rest = JsonTokens.next(parser)) != JsonToken.END_ARRAY) {
                if (!rest.isNumeric()) {
                    throw JsonTokens.malformed(parser, "a position holds numbers only");
                }
            }
            if (coordinateCount + 2 > coordinates.length) {
                coordinates = Arrays.copyOf(coordinates, coordinates.length * 2);
            }
            coordinates[coordinateCount++] = lon;
            coordinates[coordinateCount++] = lat;
        }

        private void properties(JsonParser parser, JsonToken token) {
            if (token == JsonToken.VALUE_NULL) {
                return;
            }
            JsonTokens.expect(parser, token, JsonToken.START_OBJECT, "a properties object");
            while ((token = JsonTokens.next(parser)) == JsonToken.PROPERTY_NAME) {
                String member = parser.currentName();
                JsonToken value = JsonTokens.next(parser);
                switch (member) {
                    case "time", "timestamp" -> addTime(JsonTokens.time(parser, value));
                    case "coordTimes", "times" -> {
                        JsonTokens.expect(parser, value, JsonToken.START_ARRAY, "an array of times");
                        while ((value = JsonTokens.next(parser)) != JsonToken.END_ARRAY) {
                            addTime(JsonTokens.time(parser, value));
                        }
                    }
                    case "accuracy" -> accuracy = numberValue(parser, value, member);
                    case "speed" -> speed = numberValue(parser, value, member);
                    default -> parser.skipChildren();
                }
            }
        }

        private static double numberValue(JsonParser parser, JsonToken value, String member) {
            if (!value.isNumeric()) {
                throw JsonTokens.malformed(parser, "'" + member + "' must be a number");
            }
            return parser.getDoubleValue();
        }

        private void addTime(long time) {
            if (timeCount == times.length) {
                times = Arrays.copyOf(times, times.length * 2);
            }
            times[timeCount++] = time;
        }

        void emit(PointSink sink, String where) {
            if (geometryType == null) {
                throw new InvalidTraceException(TraceProblem.MALFORMED, where + ": no geometry");
            }
            if (!isTrace(geometryType)) {
                throw new InvalidTraceException(
                        TraceProblem.MALFORMED,
                        where + ": a " + geometryType + " is not a trace; use Point or LineString");
            }
            int positions = coordinateCount / 2;
            if (timeCount == 0) {
                throw new InvalidTraceException(
                        TraceProblem.MISSING_TIME, where + ": no time (Point: \"time\", LineString: \"coordTimes\")");
            }
            if (timeCount != positions) {
                throw new InvalidTraceException(
                        TraceProblem.MALFORMED, where + ": " + positions + " positions but " + timeCount + " times");
            }
            boolean single = positions == 1;
            for (int i = 0; i < positions; i++) {
                try {
                    sink.accept(new TracePoint(
                            times[i],
                            coordinates[2 * i + 1],
                            coordinates[2 * i],
                            single ? accuracy : Double.NaN,
                            single ? speed : Double.NaN));
                } catch (InvalidTraceException e) {
                    throw e.at(where + (single ? "" : ", position " + i));
                }
            }
            reset();
        }

        private static boolean isTrace(String type) {
            return "Point".equals(type) || "LineString".equals(type);
        }

        private void reset() {
            geometryType = null;
            coordinateCount = 0;
            timeCount = 0;
            accuracy = Double.NaN;
            speed = Double.NaN;
        }
    }
}
