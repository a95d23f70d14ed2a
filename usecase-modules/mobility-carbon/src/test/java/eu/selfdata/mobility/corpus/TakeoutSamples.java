package eu.selfdata.mobility.corpus;

import static eu.selfdata.mobility.corpus.Gps.Noise.DRIFT;

import eu.selfdata.mobility.trace.TraceFormat;
import eu.selfdata.mobility.trip.TravelMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the Google Takeout samples of {@code src/test/resources/takeout/}: two days of the corpus'
 * kind (a walk, a drive, a walk; a stay at work; the drive home) recorded by a phone every 10 s,
 * written as Google writes them — the legacy {@code Records.json} (E7 coordinates, accuracy, velocity,
 * activity records, timestamps as ISO strings and, for the older third, {@code timestampMs}), the
 * Android device {@code Timeline.json} (visits, activities, timeline paths every 30 s, a few raw
 * positions) and the iOS {@code location-history.json} (a bare array, {@code geo:} strings, numbers
 * as strings, minute offsets) — each beside the GPX of the same points, and files each broken in one
 * way (a bad E7 value, a missing timestamp, a truncated file, a fix from the future, one from 1999, a
 * bad {@code geo:} point). Seeded: the same code writes the same bytes, which
 * {@code TakeoutSamplesTest} checks against the committed files.
 *
 * <pre>
 * java -cp "$CP" eu.selfdata.mobility.corpus.TakeoutSamples usecase-modules/mobility-carbon/src/test/resources/takeout
 * </pre>
 */
public final class TakeoutSamples {

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);
    private static final ZoneOffset PARIS_IN_MARCH = ZoneOffset.ofHours(1);
    private static final int PATH_EVERY = 3;
    private static final int BROKEN_RECORDS = 20;

    /** A point as the file holds it, and so as it must be read. */
    record Point(long epochMilli, double lat, double lon, double accuracyM) {}

    /** A sample: its file, the GPX of the same points, and the points in file order. */
    record Sample(String file, String content, String gpx, List<Point> points, Truth truth) {}

    private TakeoutSamples() {}

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "src/test/resources/takeout");
        Files.createDirectories(directory);
        for (Map.Entry<String, String> file : files().entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        System.out.printf("%d files written to %s%n", files().size(), directory);
    }

    static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        for (Sample sample : List.of(records(), timeline(), ios())) {
            files.put(sample.file(), sample.content());
            files.put(sample.file().replaceAll("\\.json$", ".gpx"), sample.gpx());
        }
        files.putAll(broken());
        return files;
    }

    /** A commuting day as Records.json. */
    static Sample records() {
        CorpusCase day = day("takeout-records");
        StringBuilder json = new StringBuilder("{\n  \"locations\": [");
        List<Point> points = new ArrayList<>();
        List<Gps.Fix> fixes = day.fixes();
        for (int i = 0; i < fixes.size(); i++) {
            Gps.Fix fix = fixes.get(i);
            long latE7 = Math.round(fix.lat() * 1e7);
            long lonE7 = Math.round(fix.lon() * 1e7);
            long accuracy = Math.round(fix.accuracyM());
            json.append(i > 0 ? "," : "")
                    .append("{\n    \"latitudeE7\": ")
                    .append(latE7)
                    .append(",\n    \"longitudeE7\": ")
                    .append(lonE7)
                    .append(",\n    \"accuracy\": ")
                    .append(accuracy);
            if (!Double.isNaN(fix.speedMps())) {
                json.append(",\n    \"velocity\": ").append(Math.round(fix.speedMps()));
            }
            if (fix.activity() != null) {
                json.append(",\n    \"activity\": [{\n      \"timestamp\": \"")
                        .append(Instant.ofEpochMilli(fix.epochMilli() - 1500))
                        .append("\",\n      \"activity\": [{\n        \"type\": \"")
                        .append(googleType(fix.activity()))
                        .append("\",\n        \"confidence\": ")
                        .append(fix.confidence())
                        .append("\n      }, {\n        \"type\": \"UNKNOWN\",\n")
                        .append("        \"confidence\": ")
                        .append(100 - fix.confidence())
                        .append("\n      }]\n    }]");
            }
            json.append(
                    ",\n    \"source\": \"GPS\",\n    \"deviceTag\": 1234567890,\n    \"platformType\": \"ANDROID\",\n    ");
            // Exports before 2022 wrote timestampMs; later ones timestamp.
            json.append(
                    i < fixes.size() / 3
                            ? "\"timestampMs\": \"" + fix.epochMilli() + "\""
                            : "\"timestamp\": \"" + Instant.ofEpochMilli(fix.epochMilli()) + "\"");
            json.append("\n  }");
            points.add(new Point(fix.epochMilli(), latE7 / 1e7, lonE7 / 1e7, accuracy));
        }
        json.append("]\n}\n");
        return new Sample("Records.json", json.toString(), gpx(points), points, day.truth());
    }

    /** Another commuting day as the Android device Timeline. */
    static Sample timeline() {
        CorpusCase day = day("takeout-timeline");
        TreeMap<Long, Point> emitted = new TreeMap<>();
        List<Point> points = new ArrayList<>();
        StringBuilder segments = new StringBuilder();
        for (Segment segment : segments(day)) {
            segments.append(segments.isEmpty() ? "" : ",\n");
            segments.append("    {\n      \"startTime\": \"")
                    .append(local(segment.start()))
                    .append("\",\n      \"endTime\": \"")
                    .append(local(segment.end()))
                    .append(
                            "\",\n      \"startTimeTimezoneUtcOffsetMinutes\": 60,\n      \"endTimeTimezoneUtcOffsetMinutes\": 60,\n");
            switch (segment) {
                case Visit visit -> {
                    segments.append(
                                    "      \"visit\": {\n        \"hierarchyLevel\": 0,\n        \"probability\": 0.92,\n        \"topCandidate\": {\n")
                            .append("          \"placeId\": \"ChIJsample")
                            .append(points.size())
                            .append("\",\n          \"semanticType\": \"UNKNOWN\",\n")
                            .append(
                                    "          \"probability\": 0.85,\n          \"placeLocation\": {\n            \"latLng\": \"")
                            .append(degrees(visit.at()))
                            .append("\"\n          }\n        }\n      }\n    }");
                    add(
                            points,
                            emitted,
                            new Point(
                                    visit.start().toEpochMilli(),
                                    visit.at().lat(),
                                    visit.at().lon(),
                                    Double.NaN));
                    add(
                            points,
                            emitted,
                            new Point(
                                    visit.end().toEpochMilli(),
                                    visit.at().lat(),
                                    visit.at().lon(),
                                    Double.NaN));
                }
                case Move move -> {
                    segments.append("      \"activity\": {\n        \"start\": {\n          \"latLng\": \"")
                            .append(degrees(move.from()))
                            .append("\"\n        },\n        \"end\": {\n          \"latLng\": \"")
                            .append(degrees(move.to()))
                            .append("\"\n        },\n        \"distanceMeters\": ")
                            .append(String.format(Locale.ROOT, "%.1f", move.distanceM()))
                            .append(
                                    ",\n        \"probability\": 0.98,\n        \"topCandidate\": {\n          \"type\": \"")
                            .append(move.type())
                            .append("\",\n          \"probability\": 0.9\n        }\n      }\n    }");
                    add(
                            points,
                            emitted,
                            new Point(
                                    move.start().toEpochMilli(),
                                    move.from().lat(),
                                    move.from().lon(),
                                    Double.NaN));
                    add(
                            points,
                            emitted,
                            new Point(
                                    move.end().toEpochMilli(),
                                    move.to().lat(),
                                    move.to().lon(),
                                    Double.NaN));
                }
                case TimelinePath path -> {
                    segments.append("      \"timelinePath\": [");
                    for (int i = 0; i < path.points().size(); i++) {
                        Point point = path.points().get(i);
                        segments.append(i > 0 ? "," : "")
                                .append("{\n        \"point\": \"")
                                .append(degrees(point))
                                .append("\",\n        \"time\": \"")
                                .append(local(Instant.ofEpochMilli(point.epochMilli())))
                                .append("\"\n      }");
                        add(points, emitted, point);
                    }
                    segments.append("]\n    }");
                }
            }
        }
        StringBuilder raw = new StringBuilder();
        List<Gps.Fix> fixes = day.fixes();
        for (int i = fixes.size() - 6; i < fixes.size(); i++) {
            Gps.Fix fix = fixes.get(i);
            Point point =
                    new Point(fix.epochMilli(), round7(fix.lat()), round7(fix.lon()), Math.round(fix.accuracyM()));
            raw.append(raw.isEmpty() ? "" : ",\n")
                    .append("    {\n      \"position\": {\n        \"LatLng\": \"")
                    .append(degrees(point))
                    .append("\",\n        \"accuracyMeters\": ")
                    .append((long) point.accuracyM())
                    .append(",\n        \"altitudeMeters\": 12.0,\n")
                    .append("        \"source\": \"WIFI\",\n        \"timestamp\": \"")
                    .append(local(Instant.ofEpochMilli(fix.epochMilli())))
                    .append("\",\n        \"speedMetersPerSecond\": 0.0\n      }\n    }");
            add(points, emitted, point);
        }
        String json = "{\n  \"semanticSegments\": [\n" + segments + "\n  ],\n  \"rawSignals\": [\n" + raw
                + "\n  ],\n  \"userLocationProfile\": {\n    \"frequentPlaces\": []\n  }\n}\n";
        return new Sample("Timeline.json", json, gpx(new ArrayList<>(emitted.values())), points, day.truth());
    }

    /** The same kind of day as iOS exports it: a bare array, geo: strings, numbers as strings, path times as minutes after the segment's start. */
    static Sample ios() {
        CorpusCase day = day("takeout-ios");
        TreeMap<Long, Point> emitted = new TreeMap<>();
        List<Point> points = new ArrayList<>();
        StringBuilder json = new StringBuilder("[");
        for (Segment segment : segments(day)) {
            json.append(json.length() > 1 ? ",\n" : "\n");
            switch (segment) {
                case Visit visit -> {
                    json.append("  {\n    \"endTime\": \"")
                            .append(local(visit.end()))
                            .append("\",\n    \"startTime\": \"")
                            .append(local(visit.start()))
                            .append(
                                    "\",\n    \"visit\": {\n      \"hierarchyLevel\": \"0\",\n      \"topCandidate\": {\n        \"probability\": \"0.85\",\n")
                            .append(
                                    "        \"semanticType\": \"Unknown\",\n        \"placeID\": \"ChIJsample\",\n        \"placeLocation\": \"")
                            .append(geo(visit.at()))
                            .append("\"\n      },\n      \"probability\": \"0.92\"\n    }\n  }");
                    add(
                            points,
                            emitted,
                            six(new Point(
                                    visit.start().toEpochMilli(),
                                    visit.at().lat(),
                                    visit.at().lon(),
                                    Double.NaN)));
                    add(
                            points,
                            emitted,
                            six(new Point(
                                    visit.end().toEpochMilli(),
                                    visit.at().lat(),
                                    visit.at().lon(),
                                    Double.NaN)));
                }
                case Move move -> {
                    json.append("  {\n    \"endTime\": \"")
                            .append(local(move.end()))
                            .append("\",\n    \"startTime\": \"")
                            .append(local(move.start()))
                            .append("\",\n    \"activity\": {\n      \"probability\": \"0.98\",\n      \"end\": \"")
                            .append(geo(move.to()))
                            .append("\",\n      \"topCandidate\": {\n        \"type\": \"")
                            .append(move.type().toLowerCase(Locale.ROOT).replace('_', ' '))
                            .append("\",\n        \"probability\": \"0.9\"\n      },\n      \"distanceMeters\": \"")
                            .append(String.format(Locale.ROOT, "%.1f", move.distanceM()))
                            .append("\",\n      \"start\": \"")
                            .append(geo(move.from()))
                            .append("\"\n    }\n  }");
                    add(
                            points,
                            emitted,
                            six(new Point(
                                    move.start().toEpochMilli(),
                                    move.from().lat(),
                                    move.from().lon(),
                                    Double.NaN)));
                    add(
                            points,
                            emitted,
                            six(new Point(
                                    move.end().toEpochMilli(),
                                    move.to().lat(),
                                    move.to().lon(),
                                    Double.NaN)));
                }
                case TimelinePath path -> {
                    // iOS writes a point a minute at most, its time in whole minutes after the segment's start
                    Instant start = path.start().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
                    json.append("  {\n    \"endTime\": \"")
                            .append(local(path.end()))
                            .append("\",\n    \"startTime\": \"")
                            .append(local(start))
                            .append("\",\n    \"timelinePath\": [");
                    long lastMinute = -1;
                    for (Point point : path.points()) {
                        long minute = Duration.between(start, Instant.ofEpochMilli(point.epochMilli()))
                                .toMinutes();
                        if (minute == lastMinute) {
                            continue;
                        }
                        lastMinute = minute;
                        json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
                                .append("\n      {\n        \"point\": \"")
                                .append(geo(point))
                                .append("\",\n        \"durationMinutesOffsetFromStartTime\": \"")
                                .append(minute)
                                .append("\"\n      }");
                        add(
                                points,
                                emitted,
                                six(new Point(
                                        start.plus(Duration.ofMinutes(minute)).toEpochMilli(),
                                        point.lat(),
                                        point.lon(),
                                        Double.NaN)));
                    }
                    json.append("\n    ]\n  }");
                }
            }
        }
        json.append("\n]\n");
        return new Sample(
                "location-history.json", json.toString(), gpx(new ArrayList<>(emitted.values())), points, day.truth());
    }

    /** How many points the Records.json sample holds. */
    public static int recordsPoints() {
        return records().points().size();
    }

    /** A Records.json of {@code records} fixes 10 s apart from 2025-01-06 on, a walker's random walk (for imports too long to wait for). */
    public static String largeRecords(int records) {
        java.io.StringWriter out = new java.io.StringWriter();
        writeLarge(out, records, 1, false);
        return out.toString();
    }

    /**
     * Writes {@code records} fixes as Records.json, or as the app's JSON batch with {@code appJson} (the
     * same points, for comparisons), {@code seed} choosing the walk: an hour walking then an hour still,
     * over and over, 10 s between fixes, with accuracy and velocity.
     */
    public static void writeLarge(java.io.Writer out, int records, long seed, boolean appJson) {
        java.util.Random random = new java.util.Random(seed);
        long time = Instant.parse("2025-01-06T00:00:00Z").toEpochMilli();
        long latE7 = 461_558_000;
        long lonE7 = -11_532_000;
        try {
            out.write(appJson ? "{\"points\":[\n" : "{\"locations\":[\n");
            for (int i = 0; i < records; i++) {
                boolean walking = (i / 360) % 2 == 0;
                if (walking) {
                    latE7 += Math.round(12 * random.nextGaussian() / 111_000 * 1e7);
                    lonE7 += Math.round(12 * random.nextGaussian() / 77_000 * 1e7);
                }
                int accuracy = 5 + random.nextInt(20);
                int velocity = walking ? 1 : 0;
                out.write(i > 0 ? ",\n" : "");
                out.write(
                        appJson
                                ? "{\"lat\":" + latE7 / 1e7 + ",\"lon\":" + lonE7 / 1e7 + ",\"accuracy\":" + accuracy
                                        + ",\"speed\":" + velocity + ",\"time\":" + time + "}"
                                : "{\"latitudeE7\":" + latE7 + ",\"longitudeE7\":" + lonE7 + ",\"accuracy\":" + accuracy
                                        + ",\"velocity\":" + velocity + ",\"timestamp\":\"" + Instant.ofEpochMilli(time)
                                        + "\"}");
                time += 10_000;
            }
            out.write("\n]}\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Files broken in one way each, and the place a refusal must name. */
    static Map<String, String> broken() {
        List<String> records = recordObjects(records().content());
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "broken-bad-e7.json",
                recordsFile(
                        records,
                        3,
                        record -> record.replaceFirst("\"latitudeE7\": \\d+", "\"latitudeE7\": 2147483647")));
        files.put(
                "broken-missing-timestamp.json",
                recordsFile(records, 5, record -> record.replaceFirst(",\\s*\"timestamp(Ms)?\": \"[^\"]+\"", "")));
        files.put(
                "broken-future.json",
                recordsFile(
                        records,
                        7,
                        record -> record.replaceFirst(
                                "\"timestampMs\": \"\\d+\"", "\"timestamp\": \"2099-01-01T00:00:00Z\"")));
        files.put(
                "broken-before-2000.json",
                recordsFile(
                        records,
                        9,
                        record -> record.replaceFirst(
                                "\"timestampMs\": \"\\d+\"", "\"timestamp\": \"1999-12-31T23:59:00Z\"")));
        String whole = recordsFile(records, -1, record -> record);
        files.put("broken-truncated.json", whole.substring(0, whole.length() * 2 / 3));
        String timeline = timeline().content();
        files.put(
                "broken-bad-point.json",
                timeline.replaceFirst("\"point\": \"[^\"]+\"", "\"point\": \"geo:46.15,abc\""));
        return files;
    }

    private static String recordsFile(
            List<String> records, int broken, java.util.function.UnaryOperator<String> change) {
        StringBuilder json = new StringBuilder("{\n  \"locations\": [");
        for (int i = 0; i < BROKEN_RECORDS; i++) {
            json.append(i > 0 ? "," : "").append(i == broken ? change.apply(records.get(i)) : records.get(i));
        }
        return json.append("]\n}\n").toString();
    }

    /** The location objects of a Records.json as this class writes it. */
    private static List<String> recordObjects(String content) {
        List<String> objects = new ArrayList<>();
        String body = content.substring(content.indexOf('[') + 1, content.lastIndexOf(']'));
        for (String part : body.split("\n  },")) {
            objects.add(part.endsWith("\n  }") ? part : part + "\n  }");
        }
        return objects;
    }

    // ---- the day and its segments

    private static CorpusCase day(String id) {
        CorpusGenerator.Definition definition = new CorpusGenerator.Definition(
                id,
                "a commuting day",
                TraceFormat.APP_JSON,
                false,
                Gps.Receiver.of(10, DRIFT, 8).tau(60).withSpeed().withActivity(),
                (s, d) -> {
                    d.stay(Duration.ofMinutes(40), true);
                    s.go(d, TravelMode.WALK, 400);
                    s.go(d, TravelMode.CAR, 5000);
                    s.go(d, TravelMode.WALK, 300);
                    d.stay(Duration.ofHours(2), true);
                    s.go(d, TravelMode.WALK, 300);
                    s.go(d, TravelMode.CAR, 5000);
                    d.stay(Duration.ofMinutes(40), true);
                });
        return CorpusGenerator.generate(definition, new Network(CorpusGenerator.NETWORK_SEED), id.hashCode());
    }

    private sealed interface Segment permits Visit, Move, TimelinePath {
        Instant start();

        Instant end();
    }

    private record Visit(Instant start, Instant end, Point at) implements Segment {}

    private record Move(Instant start, Instant end, Point from, Point to, String type, double distanceM)
            implements Segment {}

    private record TimelinePath(Instant start, Instant end, List<Point> points) implements Segment {}

    /**
     * Google's view of the day: a visit per stay (at the mean of its fixes), an activity per leg (from
     * the fix nearest its start to the one nearest its end), and a path per trip (every third fix).
     */
    private static List<Segment> segments(CorpusCase day) {
        List<Gps.Fix> fixes = day.fixes();
        List<Segment> segments = new ArrayList<>();
        Instant previousEnd = Instant.ofEpochMilli(fixes.getFirst().epochMilli());
        for (Truth.Trip trip : day.truth().trips()) {
            segments.add(new Visit(previousEnd, trip.start(), mean(fixes, previousEnd, trip.start())));
            for (Truth.Leg leg : trip.legs()) {
                segments.add(new Move(
                        leg.start(),
                        leg.end(),
                        nearest(fixes, leg.start()),
                        nearest(fixes, leg.end()),
                        googleMode(leg.mode()),
                        leg.distanceM()));
            }
            List<Point> path = new ArrayList<>();
            int k = 0;
            for (Gps.Fix fix : fixes) {
                if (fix.epochMilli() > trip.start().toEpochMilli()
                        && fix.epochMilli() < trip.end().toEpochMilli()
                        && k++ % PATH_EVERY == 0) {
                    path.add(new Point(fix.epochMilli(), round7(fix.lat()), round7(fix.lon()), Double.NaN));
                }
            }
            segments.add(new TimelinePath(trip.start(), trip.end(), path));
            previousEnd = trip.end();
        }
        segments.add(new Visit(
                previousEnd,
                Instant.ofEpochMilli(fixes.getLast().epochMilli()),
                mean(fixes, previousEnd, Instant.ofEpochMilli(fixes.getLast().epochMilli()))));
        segments.sort(Comparator.comparing(Segment::start));
        return segments;
    }

    private static Point mean(List<Gps.Fix> fixes, Instant from, Instant to) {
        double lat = 0;
        double lon = 0;
        int n = 0;
        for (Gps.Fix fix : fixes) {
            if (fix.epochMilli() >= from.toEpochMilli() && fix.epochMilli() <= to.toEpochMilli()) {
                lat += fix.lat();
                lon += fix.lon();
                n++;
            }
        }
        return new Point(0, round7(lat / n), round7(lon / n), Double.NaN);
    }

    private static Point nearest(List<Gps.Fix> fixes, Instant at) {
        Gps.Fix best = fixes.getFirst();
        for (Gps.Fix fix : fixes) {
            if (Math.abs(fix.epochMilli() - at.toEpochMilli()) < Math.abs(best.epochMilli() - at.toEpochMilli())) {
                best = fix;
            }
        }
        return new Point(best.epochMilli(), round7(best.lat()), round7(best.lon()), Double.NaN);
    }

    private static void add(List<Point> points, Map<Long, Point> emitted, Point point) {
        points.add(point);
        emitted.putIfAbsent(point.epochMilli(), point);
    }

    private static String googleType(String appActivity) {
        return switch (appActivity) {
            case "walking" -> "WALKING";
            case "cycling" -> "ON_BICYCLE";
            case "in_vehicle" -> "IN_VEHICLE";
            case "still" -> "STILL";
            default -> "UNKNOWN";
        };
    }

    private static String googleMode(TravelMode mode) {
        return switch (mode) {
            case WALK -> "WALKING";
            case BIKE, EBIKE -> "CYCLING";
            case BUS -> "IN_BUS";
            case TRAM -> "IN_TRAM";
            case METRO -> "IN_SUBWAY";
            case TRAIN -> "IN_TRAIN";
            default -> "IN_PASSENGER_VEHICLE";
        };
    }

    private static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, PARIS_IN_MARCH).format(LOCAL);
    }

    private static String degrees(Point point) {
        return String.format(Locale.ROOT, "%.7f°, %.7f°", point.lat(), point.lon());
    }

    private static String geo(Point point) {
        Point six = six(point);
        return String.format(Locale.ROOT, "geo:%.6f,%.6f", six.lat(), six.lon());
    }

    /** As iOS writes it: six decimals. */
    private static Point six(Point point) {
        return new Point(
                point.epochMilli(),
                Math.round(point.lat() * 1e6) / 1e6,
                Math.round(point.lon() * 1e6) / 1e6,
                point.accuracyM());
    }

    private static double round7(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    private static String gpx(List<Point> points) {
        StringBuilder gpx = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="mobility-carbon takeout samples" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
                """);
        points.stream()
                .sorted(Comparator.comparingLong(Point::epochMilli))
                .forEach(point -> gpx.append("<trkpt lat=\"")
                        .append(String.format(Locale.ROOT, "%.7f", point.lat()))
                        .append("\" lon=\"")
                        .append(String.format(Locale.ROOT, "%.7f", point.lon()))
                        .append("\"><time>")
                        .append(Instant.ofEpochMilli(point.epochMilli()))
                        .append("</time></trkpt>\n"));
        return gpx.append("</trkseg></trk></gpx>\n").toString();
    }
}
