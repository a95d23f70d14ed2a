package eu.selfdata.mobility.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.mobility.trip.MotionActivity;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TraceFilesTest {

    private static final String GPX_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
              <wpt lat="46.1" lon="-1.1"><name>not a trace point</name></wpt>
              <trk><name>to work</name><trkseg>
            """;

    @Test
    void gpxTrackPointsAreReadWithTheirTimes() {
        String gpx = GPX_HEAD + """
                <trkpt lat="46.1558" lon="-1.1532"><ele>3</ele><time>2026-03-02T08:00:00Z</time></trkpt>
                <trkpt lat="46.1560" lon="-1.1530"><time>2026-03-02T09:00:01+01:00</time><extensions><x><time>ignored</time></x></extensions></trkpt>
                </trkseg></trk></gpx>""";

        List<TracePoint> points = read(gpx, TraceFormat.GPX);

        assertThat(points).extracting(TracePoint::lat).containsExactly(46.1558, 46.1560);
        assertThat(points.get(1).epochMilli() - points.get(0).epochMilli()).isEqualTo(1000);
    }

    @Test
    void badXmlIsMalformedAndSaysWhy() {
        assertProblem(
                GPX_HEAD + "<trkpt lat=\"46\" lon=\"-1\"><time>2026-03-02T08:00:00Z</time>",
                TraceFormat.GPX,
                TraceProblem.MALFORMED,
                "XML");
    }

    @Test
    void latitudeNinetyFiveIsOutOfRangeAndNamesTheLine() {
        String gpx = GPX_HEAD
                + "<trkpt lat=\"95\" lon=\"-1\"><time>2026-03-02T08:00:00Z</time></trkpt></trkseg></trk></gpx>";
        assertProblem(gpx, TraceFormat.GPX, TraceProblem.COORDINATE_OUT_OF_RANGE, "line 5");
    }

    @Test
    void aPointWithoutTimeIsRefused() {
        String gpx = GPX_HEAD + "<trkpt lat=\"46\" lon=\"-1\"></trkpt></trkseg></trk></gpx>";
        assertProblem(gpx, TraceFormat.GPX, TraceProblem.MISSING_TIME, "no <time>");
    }

    @Test
    void externalEntitiesAreNotResolved() {
        String gpx = """
                <?xml version="1.0"?>
                <!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <gpx><trk><trkseg><trkpt lat="46" lon="-1"><time>&secret;</time></trkpt></trkseg></trk></gpx>""";
        assertThatThrownBy(() -> read(gpx, TraceFormat.GPX))
                .isInstanceOf(InvalidTraceException.class)
                .hasMessageNotContaining("root:");
    }

    @Test
    void unorderedAndDuplicatedTimesAreRefused() {
        assertProblem(
                app("2026-03-02T08:00:05Z", "2026-03-02T08:00:01Z"),
                TraceFormat.APP_JSON,
                TraceProblem.UNORDERED_TIMESTAMPS,
                "point 1");
        assertProblem(
                app("2026-03-02T08:00:05Z", "2026-03-02T08:00:05Z"),
                TraceFormat.APP_JSON,
                TraceProblem.DUPLICATE_TIMESTAMP,
                "point 1");
    }

    @Test
    void emptyUploadsAreEmpty() {
        assertProblem("", TraceFormat.GPX, TraceProblem.EMPTY, "empty");
        assertProblem("{\"points\": []}", TraceFormat.APP_JSON, TraceProblem.EMPTY, "no track point");
        assertProblem(GPX_HEAD + "</trkseg></trk></gpx>", TraceFormat.GPX, TraceProblem.EMPTY, "no track point");
    }

    @Test
    void anUploadOverTheByteLimitStopsWhileStreaming() {
        InputStream endless = new SequenceInputStream(Collections.enumeration(IntStream.range(0, 100_000)
                .mapToObj(i -> (InputStream) new ByteArrayInputStream(("<trkpt lat=\"46\" lon=\"-1\"><time>"
                                + java.time.Instant.ofEpochSecond(1_772_438_400L + i) + "</time></trkpt>")
                        .getBytes()))
                .toList()));
        InputStream upload = new SequenceInputStream(new ByteArrayInputStream(GPX_HEAD.getBytes()), endless);
        List<TracePoint> seen = new ArrayList<>();

        assertThatThrownBy(() ->
                        TraceFiles.read(upload, TraceFormat.GPX, new TraceLimits(1_000_000, 10_000_000), seen::add))
                .isInstanceOfSatisfying(
                        InvalidTraceException.class,
                        e -> assertThat(e.problem()).isEqualTo(TraceProblem.TOO_LARGE));
        assertThat(seen).hasSizeBetween(1, 20_000);
    }

    @Test
    void tooManyPointsAreRefused() {
        String json = app("2026-03-02T08:00:01Z", "2026-03-02T08:00:02Z", "2026-03-02T08:00:03Z");
        assertThatThrownBy(() ->
                        TraceFiles.read(stream(json), TraceFormat.APP_JSON, new TraceLimits(1_000, 2), point -> {}))
                .isInstanceOfSatisfying(
                        InvalidTraceException.class,
                        e -> assertThat(e.problem()).isEqualTo(TraceProblem.TOO_MANY_POINTS));
    }

    @Test
    void appJsonCarriesAccuracyAndSpeedAndAcceptsEpochMillis() {
        List<TracePoint> points = read("""
                {"device": {"os": "android"}, "points": [
                  {"lat": 46.1, "lon": -1.1, "time": 1772438400000, "accuracy": 12.5, "speed": 1.4},
                  {"time": "2026-03-02T08:00:01Z", "lon": -1.1, "lat": 46.1}
                ]}""", TraceFormat.APP_JSON);

        assertThat(points.getFirst().accuracyM()).isEqualTo(12.5);
        assertThat(points.getFirst().speedMps()).isEqualTo(1.4);
        assertThat(points.get(1).accuracyM()).isNaN();
    }

    @Test
    void appJsonCarriesTheActivityOfAndroidAndIos() {
        List<TracePoint> points = read("""
                {"points": [
                  {"lat": 46.1, "lon": -1.1, "time": 1772438400000, "activity": {"type": "IN_VEHICLE", "confidence": 82}},
                  {"lat": 46.1, "lon": -1.1, "time": 1772438401000, "activity": {"type": "cycling", "confidence": "medium"}},
                  {"lat": 46.1, "lon": -1.1, "time": 1772438402000, "activity": {"type": "stationary"}},
                  {"lat": 46.1, "lon": -1.1, "time": 1772438403000}
                ]}""", TraceFormat.APP_JSON);

        assertThat(points)
                .extracting(TracePoint::activity)
                .containsExactly(MotionActivity.IN_VEHICLE, MotionActivity.CYCLING, MotionActivity.STILL, null);
        assertThat(points).extracting(TracePoint::activityConfidence).containsExactly(82, 67, 50, 0);
    }

    @Test
    void anUnknownActivityOrConfidenceIsRefusedWithItsPlace() {
        assertProblem(
                "{\"points\": [{\"lat\": 46.1, \"lon\": -1.1, \"time\": 1, \"activity\": {\"type\": \"flying\"}}]}",
                TraceFormat.APP_JSON,
                TraceProblem.MALFORMED,
                "unknown activity type");
        assertProblem(
                "{\"points\": [{\"lat\": 46.1, \"lon\": -1.1, \"time\": 1, \"activity\": {\"type\": \"walking\", \"confidence\": 140}}]}",
                TraceFormat.APP_JSON,
                TraceProblem.MALFORMED,
                "line 1, column");
        assertProblem(
                "{\"points\": [{\"lat\": 46.1, \"lon\": -1.1, \"time\": 1, \"activity\": {\"confidence\": 40}}]}",
                TraceFormat.APP_JSON,
                TraceProblem.MALFORMED,
                "needs a \"type\"");
    }

    @Test
    void badJsonNamesLineAndColumn() {
        assertProblem(
                "{\"points\": [ {\"lat\": 46.1, \"lon\": , } ]}",
                TraceFormat.APP_JSON,
                TraceProblem.MALFORMED,
                "line 1");
    }

    @Test
    void geoJsonPointsAndLineStringsWithCoordTimes() {
        List<TracePoint> points = read("""
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"time": "2026-03-02T08:00:00Z", "accuracy": 9},
                   "geometry": {"type": "Point", "coordinates": [-1.1532, 46.1558]}},
                  {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[-1.1531, 46.1559, 4], [-1.1530, 46.1560]]},
                   "properties": {"coordTimes": ["2026-03-02T08:00:01Z", "2026-03-02T08:00:02Z"]}}
                ]}""", TraceFormat.GEOJSON);

        assertThat(points).extracting(TracePoint::lon).containsExactly(-1.1532, -1.1531, -1.1530);
        assertThat(points.getFirst().accuracyM()).isEqualTo(9);
    }

    @Test
    void geoJsonWithMoreCoordinatesThanTimesIsRefused() {
        assertProblem("""
                {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[-1.1, 46.1], [-1.2, 46.2]]},
                 "properties": {"coordTimes": ["2026-03-02T08:00:01Z"]}}""", TraceFormat.GEOJSON, TraceProblem.MALFORMED, "2 positions but 1 times");
    }

    @Test
    void geoJsonPolygonIsNotATrace() {
        assertProblem("""
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"time": "2026-03-02T08:00:01Z"},
                 "geometry": {"type": "Polygon", "coordinates": [[[-1.1, 46.1], [-1.2, 46.2], [-1.1, 46.2], [-1.1, 46.1]]]}}]}""", TraceFormat.GEOJSON, TraceProblem.MALFORMED, "Polygon");
    }

    @Test
    void mediaTypesChooseTheFormat() {
        assertThat(TraceFormat.ofMediaType("application/gpx+xml")).isEqualTo(TraceFormat.GPX);
        assertThat(TraceFormat.ofMediaType("application/geo+json; charset=utf-8"))
                .isEqualTo(TraceFormat.GEOJSON);
        assertThatThrownBy(() -> TraceFormat.ofMediaType("text/csv"))
                .isInstanceOfSatisfying(
                        InvalidTraceException.class,
                        e -> assertThat(e.problem()).isEqualTo(TraceProblem.UNSUPPORTED_FORMAT));
    }

    private static String app(String... times) {
        StringBuilder json = new StringBuilder("{\"points\": [");
        for (int i = 0; i < times.length; i++) {
            json.append(i > 0 ? "," : "")
                    .append("{\"lat\": 46.1, \"lon\": -1.1, \"time\": \"")
                    .append(times[i])
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    private static List<TracePoint> read(String content, TraceFormat format) {
        List<TracePoint> points = new ArrayList<>();
        TraceFiles.read(stream(content), format, TraceLimits.DEFAULT, points::add);
        return points;
    }

    private static void assertProblem(String content, TraceFormat format, TraceProblem problem, String detail) {
        assertThatThrownBy(() -> read(content, format)).isInstanceOfSatisfying(InvalidTraceException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    private static InputStream stream(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}
