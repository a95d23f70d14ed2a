package eu.selfdata.mobility.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.selfdata.mobility.MobilityCarbonModule;
import eu.selfdata.mobility.carbon.CityFactors;
import eu.selfdata.mobility.trace.PointStore;
import eu.selfdata.mobility.trace.TraceFiles;
import eu.selfdata.mobility.trace.TraceFormat;
import eu.selfdata.mobility.trace.TraceIngestion;
import eu.selfdata.mobility.trace.TraceLimits;
import eu.selfdata.mobility.transit.CityTransit;
import eu.selfdata.mobility.transit.GtfsLimits;
import eu.selfdata.mobility.transit.GtfsStore;
import eu.selfdata.mobility.trip.SegmentationSettings;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.test.TestCity;
import eu.selfdata.usecase.test.TestModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Trips exported as GPX and GeoJSON: a GPX uploaded again gives the same trips; the GeoJSON has a LineString per leg with its facts. */
class TripExportsTest {

    private static final Instant EVER = Instant.EPOCH;
    private static final Instant NEVER = Instant.parse("2100-01-01T00:00:00Z");

    private final TestCity city = TestCity.create(TestModule.of(MobilityCarbonModule.ID));
    private final PointStore points = new PointStore(city);
    private final Journeys journeys = new Journeys(
            city,
            SegmentationSettings.DEFAULT,
            new CityFactors(city),
            new CityTransit(city, new GtfsStore(city, GtfsLimits.DEFAULT)),
            points);
    private final TraceIngestion ingestion = new TraceIngestion(city, points, journeys, TraceLimits.DEFAULT);
    private final TripExports exports = new TripExports(journeys, points);

    @ParameterizedTest
    @CsvSource({
        "gpx-walk-car-10s.gpx, GPX",
        "walk-car-walk-10s.json, APP_JSON",
        "stop-6min-walk-car-10s.json, APP_JSON",
        "commute-day-30s-sleeping.json, APP_JSON"
    })
    void theExportedGpxUploadedAgainGivesTheSameTrips(String file, TraceFormat format) {
        CitizenId original = citizen();
        ingestion.ingest(original, format, corpus(file));
        ByteArrayOutputStream gpx = new ByteArrayOutputStream();
        exports.gpx(original, EVER, NEVER, gpx);

        CitizenId again = citizen();
        ingestion.ingest(again, TraceFormat.GPX, new ByteArrayInputStream(gpx.toByteArray()));

        List<TripView> before = journeys.list(original, EVER, NEVER);
        List<TripView> after = journeys.list(again, EVER, NEVER);
        assertThat(before).isNotEmpty();
        assertThat(after).hasSameSizeAs(before);
        for (int t = 0; t < before.size(); t++) {
            TripView a = before.get(t);
            TripView b = after.get(t);
            assertThat(Duration.between(a.startedAt(), b.startedAt()).abs())
                    .as("start of trip %d", t)
                    .isLessThanOrEqualTo(Duration.ofSeconds(30));
            assertThat(Duration.between(a.endedAt(), b.endedAt()).abs())
                    .as("end of trip %d", t)
                    .isLessThanOrEqualTo(Duration.ofSeconds(30));
            assertThat((double) b.distanceM())
                    .as("distance of trip %d", t)
                    .isCloseTo(a.distanceM(), within(0.03 * a.distanceM()));
            assertThat(b.legs().stream().map(TripView.LegView::mode).toList())
                    .as("modes of trip %d", t)
                    .isEqualTo(a.legs().stream().map(TripView.LegView::mode).toList());
        }
    }

    @ParameterizedTest
    @CsvSource({"walk-car-walk-10s.json"})
    void theGeoJsonHasALineStringPerLegWithItsModeTimesDistanceCo2AndFactorVersion(String file) {
        CitizenId citizen = citizen();
        ingestion.ingest(citizen, TraceFormat.APP_JSON, corpus(file));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        exports.geoJson(citizen, EVER, NEVER, out);

        JsonNode collection = JsonMapper.builder().build().readTree(out.toByteArray());
        List<TripView.LegView> legs = journeys.list(citizen, EVER, NEVER).stream()
                .flatMap(trip -> trip.legs().stream())
                .toList();
        assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.path("features")).hasSize(legs.size());
        for (int l = 0; l < legs.size(); l++) {
            JsonNode feature = collection.path("features").get(l);
            TripView.LegView leg = legs.get(l);
            assertThat(feature.path("geometry").path("type").asString()).isEqualTo("LineString");
            assertThat(feature.path("geometry").path("coordinates").size())
                    .isGreaterThanOrEqualTo(2)
                    .isEqualTo(feature.path("properties").path("coordTimes").size());
            assertThat(feature.path("properties").path("mode").asString())
                    .isEqualTo(leg.mode().name());
            assertThat(feature.path("properties").path("startedAt").asString())
                    .isEqualTo(leg.startedAt().toString());
            assertThat(feature.path("properties").path("distanceM").asLong()).isEqualTo(leg.distanceM());
            assertThat(feature.path("properties").path("co2eG").asLong()).isEqualTo(leg.co2eG());
            assertThat(feature.path("properties").path("factorVersion").asString())
                    .isEqualTo(leg.factorVersion())
                    .isNotBlank();
        }
        int[] read = {0};
        TraceFiles.read(
                new ByteArrayInputStream(out.toByteArray()),
                TraceFormat.GEOJSON,
                TraceLimits.DEFAULT,
                point -> read[0]++);
        assertThat(read[0]).as("the GeoJSON reads back as a trace").isPositive();
    }

    private static CitizenId citizen() {
        return new CitizenId(UUID.randomUUID());
    }

    private static InputStream corpus(String file) {
        return TripExportsTest.class.getResourceAsStream("/corpus/" + file);
    }
}
