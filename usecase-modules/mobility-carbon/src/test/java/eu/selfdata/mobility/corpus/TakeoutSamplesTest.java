package eu.selfdata.mobility.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eu.selfdata.mobility.trace.InvalidTraceException;
import eu.selfdata.mobility.trace.TakeoutFiles;
import eu.selfdata.mobility.trace.TakeoutFormat;
import eu.selfdata.mobility.trace.TracePoint;
import eu.selfdata.mobility.trace.TraceProblem;
import eu.selfdata.mobility.trip.MotionActivity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Takeout samples ({@code src/test/resources/takeout}, written by {@link TakeoutSamples}) read back point for point. */
class TakeoutSamplesTest {

    @Test
    void theCommittedSamplesAreWhatTheGeneratorWrites() {
        for (Map.Entry<String, String> file : TakeoutSamples.files().entrySet()) {
            assertThat(resource(file.getKey())).as(file.getKey()).isEqualTo(file.getValue());
        }
    }

    @Test
    void recordsJsonGivesEveryRecordWithItsTimeAccuracyAndActivity() {
        TakeoutSamples.Sample sample = TakeoutSamples.records();
        List<TracePoint> read = new ArrayList<>();

        TakeoutFiles.Read summary = TakeoutFiles.read(pass -> stream(sample.file()), read::add);

        assertThat(summary.format()).isEqualTo(TakeoutFormat.RECORDS);
        assertSamePoints(read, sample.points(), true);
        assertThat(read).as("activity records become evidence on their point").anySatisfy(point -> {
            assertThat(point.activity()).isEqualTo(MotionActivity.IN_VEHICLE);
            assertThat(point.activityConfidence()).isBetween(1, 100);
        });
        assertThat(read.stream().filter(point -> !Double.isNaN(point.speedMps())))
                .isNotEmpty();
    }

    @Test
    void theAndroidTimelineGivesPathsRawPositionsAndTheEndsOfVisitsAndActivitiesWithTheirEvidence() {
        TakeoutSamples.Sample sample = TakeoutSamples.timeline();
        List<TracePoint> read = new ArrayList<>();

        TakeoutFiles.Read summary = TakeoutFiles.read(pass -> stream(sample.file()), read::add);

        assertThat(summary.format()).isEqualTo(TakeoutFormat.TIMELINE);
        assertThat(summary.visits()).isEqualTo(3);
        assertThat(summary.activities()).isEqualTo(5);
        assertSamePoints(read, sample.points(), false);
        assertThat(read)
                .as("a path point inside a drive carries the drive")
                .anySatisfy(point -> assertThat(point.activity()).isEqualTo(MotionActivity.IN_VEHICLE));
        assertThat(read)
                .as("raw positions keep their accuracy")
                .anySatisfy(point -> assertThat(point.accuracyM()).isPositive());
    }

    @Test
    void theIosTimelineWithGeoStringsNumbersAsStringsAndMinuteOffsetsIsReadToo() {
        TakeoutSamples.Sample sample = TakeoutSamples.ios();
        List<TracePoint> read = new ArrayList<>();

        TakeoutFiles.Read summary = TakeoutFiles.read(pass -> stream(sample.file()), read::add);

        assertThat(summary.format()).isEqualTo(TakeoutFormat.TIMELINE);
        assertThat(summary.visits()).isEqualTo(3);
        assertSamePoints(read, sample.points(), false);
        assertThat(read)
                .allSatisfy(point -> assertThat(point.epochMilli() % 1000 == 0 || point.activity() != null)
                        .isTrue());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "broken-bad-e7.json            | COORDINATE_OUT_OF_RANGE | at /locations/3/latitudeE7 (line",
                "broken-missing-timestamp.json | MISSING_TIME            | at /locations/5 (line",
                "broken-truncated.json         | MALFORMED               | (inside /locations/",
                "broken-bad-point.json         | MALFORMED               | at /semanticSegments/2/timelinePath/0/point (line"
            })
    void aBrokenFileIsRefusedNamingThePlace(String file, TraceProblem problem, String place) {
        assertThatThrownBy(() -> TakeoutFiles.read(pass -> stream(file), point -> {}))
                .isInstanceOfSatisfying(InvalidTraceException.class, refused -> {
                    assertThat(refused.problem()).isEqualTo(problem);
                    assertThat(refused.getMessage()).contains(place);
                });
    }

    private static void assertSamePoints(
            List<TracePoint> read, List<TakeoutSamples.Point> expected, boolean withAccuracy) {
        assertThat(read).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            TracePoint point = read.get(i);
            TakeoutSamples.Point truth = expected.get(i);
            assertThat(point.epochMilli()).as("time of point %d", i).isEqualTo(truth.epochMilli());
            assertThat(point.lat()).as("latitude of point %d", i).isCloseTo(truth.lat(), within(1e-9));
            assertThat(point.lon()).as("longitude of point %d", i).isCloseTo(truth.lon(), within(1e-9));
            if (withAccuracy) {
                assertThat(point.accuracyM()).as("accuracy of point %d", i).isEqualTo(truth.accuracyM());
            }
        }
    }

    static InputStream stream(String file) {
        return TakeoutSamplesTest.class.getResourceAsStream("/takeout/" + file);
    }

    private static String resource(String name) {
        try (InputStream in = stream(name)) {
            assertThat(in).as("sample " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
