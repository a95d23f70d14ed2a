package eu.selfdata.mobility.trace;

import eu.selfdata.mobility.trip.MotionActivity;
import java.io.InputStream;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The Timeline a phone exports since Google moved it to the device (Android's {@code Timeline.json}:
 * {@code {"semanticSegments": […], "rawSignals": […]}}; iOS's {@code location-history.json}: the
 * segments as a bare array). A segment has {@code startTime}, {@code endTime} and one of:
 * <ul>
 * <li>{@code timelinePath}: points {@code {"point": "geo:46.1558,-1.1532" | "46.1558°, -1.1532°",
 * "time": … | "durationMinutesOffsetFromStartTime": "12"}};</li>
 * <li>{@code visit}: a stay at {@code topCandidate.placeLocation} (a {@code latLng} or a geo string),
 * with a probability;</li>
 * <li>{@code activity}: a move from {@code start} to {@code end} by {@code topCandidate.type}
 * (walking, in passenger vehicle…), with a probability.</li>
 * </ul>
 * Android's {@code rawSignals} add positions ({@code accuracyMeters}, {@code speedMetersPerSecond})
 * and activity records. Numbers come as numbers or strings (iOS). Read in two streamed passes, as a
 * segment's path may come before or after the activity that explains it: {@link #evidence} gathers
 * visits and activities (a few kilobytes a year), {@link #read} emits the points — the paths, the raw
 * positions, and the ends of each visit and activity at their place — each with the evidence at its
 * time: a visit says still, an activity its mode.
 */
public final class TakeoutTimelineReader {

    /** An activity record of the raw signals speaks for a minute around it. */
    private static final long SIGNAL_SPAN_MS = 60_000;

    /** Pass 1: the visits and activities of the file. */
    public Evidence evidence(InputStream in) {
        Evidence evidence = new Evidence();
        walk(in, new Visitor() {
            @Override
            public void visit(long start, long end, double lat, double lon, int confidence) {
                evidence.add(start, end, MotionActivity.STILL, confidence, true);
            }

            @Override
            public void activity(
                    long start, long end, MotionActivity type, int confidence, double[] from, double[] to) {
                evidence.add(start, end, type, confidence, false);
            }

            @Override
            public void signal(long time, MotionActivity type, int confidence) {
                evidence.add(time - SIGNAL_SPAN_MS, time + SIGNAL_SPAN_MS, type, confidence, false);
            }
        });
        evidence.sort();
        return evidence;
    }

    /** Pass 2: every point, with the evidence of pass 1 where the point carries none of its own. */
    public void read(InputStream in, Evidence evidence, PointSink sink) {
        walk(in, new Visitor() {
            @Override
            public void point(long time, double lat, double lon, double accuracy, double speed) {
                int at = evidence.at(time);
                sink.accept(
                        at < 0
                                ? new TracePoint(time, lat, lon, accuracy, speed)
                                : new TracePoint(
                                        time,
                                        lat,
                                        lon,
                                        accuracy,
                                        speed,
                                        evidence.activity(at),
                                        evidence.confidence(at)));
            }

            @Override
            public void visit(long start, long end, double lat, double lon, int confidence) {
                sink.accept(new TracePoint(start, lat, lon, Double.NaN, Double.NaN, MotionActivity.STILL, confidence));
                if (end > start) {
                    sink.accept(
                            new TracePoint(end, lat, lon, Double.NaN, Double.NaN, MotionActivity.STILL, confidence));
                }
            }

            @Override
            public void activity(
                    long start, long end, MotionActivity type, int confidence, double[] from, double[] to) {
                if (from != null) {
                    sink.accept(new TracePoint(start, from[0], from[1], Double.NaN, Double.NaN, type, confidence));
                }
                if (to != null && end > start) {
                    sink.accept(new TracePoint(end, to[0], to[1], Double.NaN, Double.NaN, type, confidence));
                }
            }
        });
    }

    /** What a pass does with each thing the file holds; the parser is past it, problems are thrown with its place. */
    private interface Visitor {
        default void point(long time, double lat, double lon, double accuracy, double speed) {}

        default void visit(long start, long end, double lat, double lon, int confidence) {}

        default void activity(long start, long end, MotionActivity type, int confidence, double[] from, double[] to) {}

        default void signal(long time, MotionActivity type, int confidence) {}
    }

    private static void walk(InputStream in, Visitor visitor) {
        JsonParser parser = JsonTokens.parser(in);
        try (parser) {
            JsonToken token = JsonTokens.first(parser);
            if (token == JsonToken.START_ARRAY) {
                segments(parser, visitor);
                return;
            }
            JsonTokens.expect(parser, token, JsonToken.START_OBJECT, "a Timeline object or an array of segments");
            boolean sawSegments = false;
            while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
                String member = parser.currentName();
                JsonToken value = JsonTokens.nextIn(parser);
                switch (member) {
                    case "semanticSegments" -> {
                        JsonTokens.expect(parser, value, JsonToken.START_ARRAY, "an array of segments");
                        segments(parser, visitor);
                        sawSegments = true;
                    }
                    case "rawSignals" -> {
                        JsonTokens.expect(parser, value, JsonToken.START_ARRAY, "an array of raw signals");
                        while (JsonTokens.nextIn(parser) != JsonToken.END_ARRAY) {
                            rawSignal(parser, visitor);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (!sawSegments) {
                throw JsonTokens.at(parser, TraceProblem.MALFORMED, "no \"semanticSegments\": not a Timeline export");
            }
        } catch (JacksonException e) {
            throw JsonTokens.syntax(e, parser);
        }
    }

    /** The segments of an array the parser has just entered. */
    private static void segments(JsonParser parser, Visitor visitor) {
        Segment segment = new Segment();
        while (JsonTokens.nextIn(parser) != JsonToken.END_ARRAY) {
            JsonTokens.expect(parser, parser.currentToken(), JsonToken.START_OBJECT, "a segment");
            segment.read(parser);
            segment.hand(parser, visitor);
        }
    }

    /** One segment's members, buffered until its end (a path's offsets need the start time, which may come after). */
    private static final class Segment {
        private String place;
        private Long start;
        private Long end;
        private double[] path = new double[48];
        private long[] pathTimes = new long[16];
        private boolean[] pathOffsets = new boolean[16];
        private int pathSize;
        private double[] visitAt;
        private int visitConfidence;
        private MotionActivity activity;
        private int activityConfidence;
        private double[] from;
        private double[] to;
        private boolean isActivity;

        void read(JsonParser parser) {
            place = JsonTokens.place(parser);
            start = null;
            end = null;
            pathSize = 0;
            visitAt = null;
            isActivity = false;
            while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
                String member = parser.currentName();
                JsonToken value = JsonTokens.nextIn(parser);
                switch (member) {
                    case "startTime" -> start = JsonTokens.isoTime(parser, value);
                    case "endTime" -> end = JsonTokens.isoTime(parser, value);
                    case "timelinePath" -> path(parser, value);
                    case "visit" -> visit(parser, value);
                    case "activity" -> activity(parser, value);
                    default -> parser.skipChildren();
                }
            }
        }

        void hand(JsonParser parser, Visitor visitor) {
            if (start == null || end == null) {
                throw new InvalidTraceException(
                        TraceProblem.MISSING_TIME, "at " + place + ": a segment needs \"startTime\" and \"endTime\"");
            }
            if (end < start) {
                throw new InvalidTraceException(
                        TraceProblem.MALFORMED, "at " + place + ": a segment ends before it starts");
            }
            try {
                for (int i = 0; i < pathSize; i++) {
                    long time = pathOffsets[i] ? start + pathTimes[i] : pathTimes[i];
                    visitor.point(time, path[2 * i], path[2 * i + 1], Double.NaN, Double.NaN);
                }
                if (visitAt != null) {
                    visitor.visit(start, end, visitAt[0], visitAt[1], visitConfidence);
                }
                if (isActivity) {
                    visitor.activity(start, end, activity, activityConfidence, from, to);
                }
            } catch (InvalidTraceException e) {
                throw e.at("at " + place);
            }
        }

        private void path(JsonParser parser, JsonToken value) {
            JsonTokens.expect(parser, value, JsonToken.START_ARRAY, "a timeline path");
            while (JsonTokens.nextIn(parser) != JsonToken.END_ARRAY) {
                JsonTokens.expect(parser, parser.currentToken(), JsonToken.START_OBJECT, "a path point");
                String at = JsonTokens.place(parser);
                double[] point = null;
                Long time = null;
                Long offsetMinutes = null;
                while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
                    String member = parser.currentName();
                    JsonToken memberValue = JsonTokens.nextIn(parser);
                    switch (member) {
                        case "point" -> point = latLng(parser, memberValue);
                        case "time" -> time = JsonTokens.isoTime(parser, memberValue);
                        case "durationMinutesOffsetFromStartTime" ->
                            offsetMinutes = Math.round(number(parser, memberValue));
                        default -> parser.skipChildren();
                    }
                }
                if (point == null) {
                    throw new InvalidTraceException(
                            TraceProblem.MALFORMED, "at " + at + ": a path point needs a \"point\"");
                }
                if (time == null && offsetMinutes == null) {
                    throw new InvalidTraceException(
                            TraceProblem.MISSING_TIME,
                            "at " + at + ": a path point needs \"time\" or \"durationMinutesOffsetFromStartTime\"");
                }
                addPathPoint(point, time != null ? time : offsetMinutes * 60_000, time == null);
            }
        }

        private void addPathPoint(double[] point, long time, boolean offset) {
            if (pathSize == pathTimes.length) {
                pathTimes = Arrays.copyOf(pathTimes, pathSize * 2);
                pathOffsets = Arrays.copyOf(pathOffsets, pathSize * 2);
                path = Arrays.copyOf(path, pathSize * 4);
            }
            path[2 * pathSize] = point[0];
            path[2 * pathSize + 1] = point[1];
            pathTimes[pathSize] = time;
            pathOffsets[pathSize] = offset;
            pathSize++;
        }

        /** {"topCandidate": {"placeLocation": {"latLng": …} | "geo:…", …}, "probability": …}. */
        private void visit(JsonParser parser, JsonToken value) {
            JsonTokens.expect(parser, value, JsonToken.START_OBJECT, "a visit");
            String at = JsonTokens.place(parser);
            double probability = 1;
            while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
                String member = parser.currentName();
                JsonToken memberValue = JsonTokens.nextIn(parser);
                switch (member) {
                    case "probability" -> probability = probability(parser, memberValue);
                    case "topCandidate" -> {
                        JsonTokens.expect(parser, memberValue, JsonToken.START_OBJECT, "a visit's top candidate");
                        while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
                            String field = parser.currentName();
                            JsonToken fieldValue = JsonTokens.nextIn(parser);
                            if ("placeLocation".equals(field)) {
                                visitAt = latLng(parser, fieldValue);
                            } else {
                                parser.skipChildren();
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (visitAt == null) {
                throw new InvalidTraceException(
                        TraceProblem.MALFORMED, "at " + at + ": a visit needs topCandidate.placeLocation");
            }
            visitConfidence = (int) Math.round(100 * probability);
        }

        /** {"start": …, "end": …, "topCandidate": {"type": …, "probability": …}, "probability": …}. */
        private void activity(JsonParser parser, JsonToken value) {
            JsonTokens.expect(parser, value, JsonToken.START_OBJECT, "an activity");
            isActivity = true;
            activity = MotionActivity.UNKNOWN;
            from = null;
            to = null;
            double probability = 1;
            double typeProbability = 1;
            while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
                String member = parser.currentName();
                JsonToken memberValue = JsonTokens.nextIn(parser);
                switch (member) {
                    case "start" -> from = latLng(parser, memberValue);
                    case "end" -> to = latLng(parser, memberValue);
                    case "probability" -> probability = probability(parser, memberValue);
                    case "topCandidate" -> {
                        JsonTokens.expect(parser, memberValue, JsonToken.START_OBJECT, "an activity's top candidate");
                        while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
                            String field = parser.currentName();
                            JsonToken fieldValue = JsonTokens.nextIn(parser);
                            switch (field) {
                                case "type" -> {
                                    JsonTokens.expect(parser, fieldValue, JsonToken.VALUE_STRING, "an activity type");
                                    activity = TakeoutActivities.of(parser.getString());
                                }
                                case "probability" -> typeProbability = probability(parser, fieldValue);
                                default -> parser.skipChildren();
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            activityConfidence = (int) Math.round(100 * probability * typeProbability);
        }
    }

    /** {"position": {"LatLng", "accuracyMeters", "speedMetersPerSecond", "timestamp"}} or {"activityRecord": {"probableActivities", "timestamp"}}. */
    private static void rawSignal(JsonParser parser, Visitor visitor) {
        JsonTokens.expect(parser, parser.currentToken(), JsonToken.START_OBJECT, "a raw signal");
        while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
            String kind = parser.currentName();
            JsonToken value = JsonTokens.nextIn(parser);
            switch (kind) {
                case "position" -> position(parser, value, visitor);
                case "activityRecord" -> activityRecord(parser, value, visitor);
                default -> parser.skipChildren();
            }
        }
    }

    private static void position(JsonParser parser, JsonToken value, Visitor visitor) {
        JsonTokens.expect(parser, value, JsonToken.START_OBJECT, "a position");
        String at = JsonTokens.place(parser);
        double[] point = null;
        Long time = null;
        double accuracy = Double.NaN;
        double speed = Double.NaN;
        while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
            String member = parser.currentName();
            JsonToken memberValue = JsonTokens.nextIn(parser);
            switch (member) {
                case "LatLng", "latLng" -> point = latLng(parser, memberValue);
                case "timestamp" -> time = JsonTokens.isoTime(parser, memberValue);
                case "accuracyMeters" -> accuracy = number(parser, memberValue);
                case "speedMetersPerSecond" -> speed = number(parser, memberValue);
                default -> parser.skipChildren();
            }
        }
        if (point == null) {
            throw new InvalidTraceException(TraceProblem.MALFORMED, "at " + at + ": a position needs \"LatLng\"");
        }
        if (time == null) {
            throw new InvalidTraceException(TraceProblem.MISSING_TIME, "at " + at + ": a position needs \"timestamp\"");
        }
        try {
            visitor.point(time, point[0], point[1], accuracy, speed);
        } catch (InvalidTraceException e) {
            throw e.at("at " + at);
        }
    }

    private static void activityRecord(JsonParser parser, JsonToken value, Visitor visitor) {
        JsonTokens.expect(parser, value, JsonToken.START_OBJECT, "an activity record");
        String at = JsonTokens.place(parser);
        Long time = null;
        MotionActivity best = null;
        double bestConfidence = -1;
        while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
            String member = parser.currentName();
            JsonToken memberValue = JsonTokens.nextIn(parser);
            switch (member) {
                case "timestamp" -> time = JsonTokens.isoTime(parser, memberValue);
                case "probableActivities" -> {
                    JsonTokens.expect(parser, memberValue, JsonToken.START_ARRAY, "probable activities");
                    while (JsonTokens.nextIn(parser) != JsonToken.END_ARRAY) {
                        MotionActivity type = null;
                        double confidence = 0;
                        while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
                            String field = parser.currentName();
                            JsonToken fieldValue = JsonTokens.nextIn(parser);
                            switch (field) {
                                case "type" -> type = TakeoutActivities.of(parser.getString());
                                case "confidence" -> confidence = probability(parser, fieldValue);
                                default -> parser.skipChildren();
                            }
                        }
                        if (type != null && confidence > bestConfidence) {
                            best = type;
                            bestConfidence = confidence;
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (time == null) {
            throw new InvalidTraceException(
                    TraceProblem.MISSING_TIME, "at " + at + ": an activity record needs \"timestamp\"");
        }
        if (best != null) {
            visitor.signal(time, best, (int) Math.round(100 * bestConfidence));
        }
    }

    /** "geo:46.1558,-1.1532", "46.1558°, -1.1532°", or an object with such a {@code latLng}. */
    private static double[] latLng(JsonParser parser, JsonToken value) {
        if (value == JsonToken.START_OBJECT) {
            double[] found = null;
            while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
                String member = parser.currentName();
                JsonToken memberValue = JsonTokens.nextIn(parser);
                if ("latLng".equals(member) || "LatLng".equals(member)) {
                    found = latLng(parser, memberValue);
                } else {
                    parser.skipChildren();
                }
            }
            if (found == null) {
                throw JsonTokens.at(parser, TraceProblem.MALFORMED, "a location needs \"latLng\"");
            }
            return found;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw JsonTokens.at(parser, TraceProblem.MALFORMED, "a location is \"geo:lat,lon\" or \"lat°, lon°\"");
        }
        String text = parser.getString().strip();
        String[] parts = (text.startsWith("geo:") ? text.substring(4) : text)
                .replace("°", "")
                .split(",");
        try {
            if (parts.length == 2) {
                double lat = Double.parseDouble(parts[0].strip());
                double lon = Double.parseDouble(parts[1].strip());
                if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
                    throw JsonTokens.at(
                            parser,
                            TraceProblem.COORDINATE_OUT_OF_RANGE,
                            "'" + text + "' is outside [-90, 90] × [-180, 180]");
                }
                return new double[] {lat, lon};
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw JsonTokens.at(parser, TraceProblem.MALFORMED, "'" + text + "' is not \"geo:lat,lon\" nor \"lat°, lon°\"");
    }

    /** A number, or a string holding one (iOS writes "0.95"). */
    private static double number(JsonParser parser, JsonToken value) {
        if (value.isNumeric()) {
            return parser.getDoubleValue();
        }
        if (value == JsonToken.VALUE_STRING) {
            try {
                return Double.parseDouble(parser.getString().strip());
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw JsonTokens.at(parser, TraceProblem.MALFORMED, "a number expected");
    }

    private static double probability(JsonParser parser, JsonToken value) {
        double probability = number(parser, value);
        if (!(probability >= 0 && probability <= 1)) {
            throw JsonTokens.at(parser, TraceProblem.MALFORMED, "a probability is from 0 to 1");
        }
        return probability;
    }

    /**
     * Visits and activities in time: what the phone did between two instants and how sure Google
     * was. Primitive columns, sorted by start once gathered; a time falls in the latest-starting
     * span that covers it.
     */
    public static final class Evidence {
        /** How many spans back a time is looked for: spans nest (a raw activity record in a visit), they do not pile up. */
        private static final int NESTED = 8;

        private long[] starts = new long[256];
        private long[] ends = new long[256];
        private byte[] activities = new byte[256];
        private byte[] confidences = new byte[256];
        private int size;
        private int visits;
        private int moves;
        private long longest;

        void add(long start, long end, MotionActivity activity, int confidence, boolean visit) {
            if (activity == MotionActivity.UNKNOWN || confidence <= 0) {
                return;
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                activities = Arrays.copyOf(activities, size * 2);
                confidences = Arrays.copyOf(confidences, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            activities[size] = (byte) activity.ordinal();
            confidences[size] = (byte) Math.min(100, confidence);
            size++;
            longest = Math.max(longest, end - start);
            if (visit) {
                visits++;
            } else {
                moves++;
            }
        }

        void sort() {
            Integer[] order = new Integer[size];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
            long[] s = new long[size];
            long[] e = new long[size];
            byte[] a = new byte[size];
            byte[] c = new byte[size];
            for (int i = 0; i < size; i++) {
                s[i] = starts[order[i]];
                e[i] = ends[order[i]];
                a[i] = activities[order[i]];
                c[i] = confidences[order[i]];
            }
            starts = s;
            ends = e;
            activities = a;
            confidences = c;
        }

        /** The span covering {@code time} that started last, or -1. */
        int at(long time) {
            int i = Arrays.binarySearch(starts, 0, size, time);
            i = i >= 0 ? i : -i - 2;
            while (i >= 0 && (i + 1 < size && starts[i + 1] == time)) {
                i++;
            }
            for (int j = i; j >= 0 && j > i - NESTED && time - starts[j] <= longest; j--) {
                if (ends[j] >= time) {
                    return j;
                }
            }
            return -1;
        }

        MotionActivity activity(int index) {
            return MotionActivity.values()[activities[index]];
        }

        int confidence(int index) {
            return confidences[index];
        }

        /** Stays Google found, and moves with their mode (activity records of the raw signals included). */
        public int visits() {
            return visits;
        }

        public int activities() {
            return moves;
        }
    }
}
