package eu.selfdata.mobility.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.mobility.MobilityCarbonModule;
import eu.selfdata.mobility.carbon.CityFactors;
import eu.selfdata.mobility.journey.Journeys;
import eu.selfdata.mobility.journey.TripView;
import eu.selfdata.mobility.transit.CityTransit;
import eu.selfdata.mobility.trip.MotionActivity;
import eu.selfdata.mobility.trip.SegmentationSettings;
import eu.selfdata.mobility.trip.SyntheticTrace;
import eu.selfdata.mobility.trip.Trace;
import eu.selfdata.mobility.trip.TravelMode;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.test.TestCity;
import eu.selfdata.usecase.test.TestModule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TraceIngestionTest {

    private final TestCity city = TestCity.create(TestModule.of(MobilityCarbonModule.ID));
    private final PointStore points = new PointStore(city);
    private final Journeys journeys = new Journeys(
            city,
            SegmentationSettings.DEFAULT,
            new CityFactors(city),
            new CityTransit(
                    city,
                    new eu.selfdata.mobility.transit.GtfsStore(city, eu.selfdata.mobility.transit.GtfsLimits.DEFAULT)),
            points);
    private final TraceIngestion ingestion = new TraceIngestion(city, points, journeys, TraceLimits.DEFAULT);
    private final CitizenId camille = new CitizenId(UUID.randomUUID());

    @Test
    void anUploadStoresPointsAndItsTripsWithCo2AndFactorVersion() {
        SyntheticTrace drive = SyntheticTrace.laRochelle(21)
                .stay(Duration.ofMinutes(8), 8)
                .move(8000, 90, 13, 3)
                .stay(Duration.ofMinutes(8), 8);

        var receipt = ingestion.ingest(camille, TraceFormat.APP_JSON, json(drive.points()));

        assertThat(receipt.pointsStored()).isEqualTo(drive.points().size());
        assertThat(receipt.trips()).isEqualTo(1);
        TripView trip = journeys.list(camille, Instant.EPOCH, Instant.now()).getFirst();
        TripView.LegView leg = trip.legs().getFirst();
        assertThat(leg.mode()).isEqualTo(TravelMode.CAR);
        assertThat(leg.factorVersion()).isEqualTo("impactco2-2025-10-16@r0");
        assertThat(leg.co2eG()).isEqualTo(Math.round(leg.distanceM() * 217.6 / 1000));
    }

    @Test
    void aReUploadedFileAddsNoPointAndNoTrip() {
        SyntheticTrace walk = SyntheticTrace.laRochelle(22)
                .stay(Duration.ofMinutes(8), 8)
                .move(1500, 0, 1.3, 0.2)
                .stay(Duration.ofMinutes(8), 8);
        ingestion.ingest(camille, TraceFormat.APP_JSON, json(walk.points()));

        var again = ingestion.ingest(camille, TraceFormat.APP_JSON, json(walk.points()));

        assertThat(again.pointsStored()).isZero();
        assertThat(again.duplicates()).isEqualTo(walk.points().size());
        assertThat(city.count("mobility_trace_point")).isEqualTo(walk.points().size());
        assertThat(city.count("mobility_trip")).isEqualTo(1);
    }

    @Test
    void aFileRefusedHalfwayLeavesNothingStored() {
        SyntheticTrace walk =
                SyntheticTrace.laRochelle(23).stay(Duration.ofMinutes(20), 8).move(1500, 0, 1.3, 0.2);
        String valid = new String(jsonBytes(walk.points()), StandardCharsets.UTF_8);
        String broken = valid.substring(0, valid.length() - 2)
                + ",{\"lat\": 95, \"lon\": 0, \"time\": \"2030-01-01T00:00:00Z\"}]}";

        assertThatThrownBy(() ->
                        ingestion.ingest(camille, TraceFormat.APP_JSON, new ByteArrayInputStream(broken.getBytes())))
                .isInstanceOfSatisfying(
                        InvalidTraceException.class,
                        e -> assertThat(e.problem()).isEqualTo(TraceProblem.COORDINATE_OUT_OF_RANGE));
        assertThat(city.count("mobility_trace_point")).isZero();
        assertThat(city.count("mobility_upload")).isZero();
    }

    @Test
    void aCorrectionWinsAndSurvivesAReUploadThatExtendsTheDay() {
        SyntheticTrace morning = SyntheticTrace.laRochelle(24)
                .stay(Duration.ofMinutes(8), 8)
                .move(6000, 90, 13, 3)
                .stay(Duration.ofMinutes(30), 8);
        ingestion.ingest(camille, TraceFormat.APP_JSON, json(morning.points()));
        TripView.LegView leg = journeys.list(camille, Instant.EPOCH, Instant.now())
                .getFirst()
                .legs()
                .getFirst();

        TripView corrected = journeys.correct(camille, leg.id(), TravelMode.BUS).orElseThrow();

        assertThat(corrected.legs().getFirst().mode()).isEqualTo(TravelMode.BUS);
        assertThat(corrected.legs().getFirst().inferredMode()).isEqualTo(TravelMode.CAR);
        assertThat(corrected.co2eG()).isEqualTo(Math.round(leg.distanceM() * 122.42 / 1000));
        assertThat(journeys.correct(new CitizenId(UUID.randomUUID()), leg.id(), TravelMode.WALK))
                .isEmpty();

        SyntheticTrace evening = new SyntheticTrace(
                        25,
                        Instant.ofEpochMilli(morning.points().getLast().epochMilli())
                                .plus(Duration.ofHours(8)),
                        morning.lat(),
                        morning.lon())
                .stay(Duration.ofMinutes(8), 8)
                .move(6000, 270, 13, 3)
                .stay(Duration.ofMinutes(8), 8);
        ingestion.ingest(camille, TraceFormat.APP_JSON, json(evening.points()));

        List<TripView> day = journeys.list(camille, Instant.EPOCH, Instant.now());
        assertThat(day).hasSize(2);
        assertThat(day.getFirst().legs().getFirst().mode()).isEqualTo(TravelMode.BUS);
    }

    @Test
    void aCorrectionSurvivesMoreFixesInTheSameSpanThatMoveTheLegsEnds() {
        SyntheticTrace morning = SyntheticTrace.laRochelle(26)
                .stay(Duration.ofMinutes(8), 8)
                .move(6000, 90, 13, 3)
                .stay(Duration.ofMinutes(8), 8);
        ingestion.ingest(camille, TraceFormat.APP_JSON, json(morning.points()));
        TripView.LegView leg = journeys.list(camille, Instant.EPOCH, Instant.now())
                .getFirst()
                .legs()
                .getFirst();
        journeys.correct(camille, leg.id(), TravelMode.BUS);

        // The same phone's fixes half a second later, sent in another batch: the span is segmented again.
        List<TracePoint> halfSecondLater = morning.points().stream()
                .map(p -> new TracePoint(p.epochMilli() + 500, p.lat(), p.lon(), p.accuracyM(), p.speedMps()))
                .toList();
        ingestion.ingest(camille, TraceFormat.APP_JSON, json(halfSecondLater));

        TripView.LegView again = journeys.list(camille, Instant.EPOCH, Instant.now())
                .getFirst()
                .legs()
                .getFirst();
        assertThat(again.id()).isNotEqualTo(leg.id());
        assertThat(List.of(again.startedAt(), again.endedAt())).isNotEqualTo(List.of(leg.startedAt(), leg.endedAt()));
        assertThat(again.mode()).isEqualTo(TravelMode.BUS);
    }

    @Test
    void speedAndActivityAreStoredAndReadBackForSegmentation() {
        String batch = """
                {"points": [
                  {"lat": 46.1558, "lon": -1.1532, "time": "2026-03-02T08:00:00Z", "accuracy": 6, "speed": 1.4,
                   "activity": {"type": "walking", "confidence": 90}},
                  {"lat": 46.1559, "lon": -1.1532, "time": "2026-03-02T08:00:01Z", "accuracy": 6}
                ]}""";

        ingestion.ingest(
                camille, TraceFormat.APP_JSON, new ByteArrayInputStream(batch.getBytes(StandardCharsets.UTF_8)));
        Trace stored =
                points.load(camille, Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"));

        assertThat(stored.size()).isEqualTo(2);
        assertThat(stored.speed(0)).isEqualTo(1.4, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(stored.activity(0)).isEqualTo(MotionActivity.ON_FOOT);
        assertThat(stored.activityConfidence(0)).isEqualTo(90);
        assertThat(stored.speed(1)).isNaN();
        assertThat(stored.activity(1)).isNull();
    }

    static ByteArrayInputStream json(List<TracePoint> points) {
        return new ByteArrayInputStream(jsonBytes(points));
    }

    static byte[] jsonBytes(List<TracePoint> points) {
        StringBuilder json = new StringBuilder("{\"points\": [");
        for (int i = 0; i < points.size(); i++) {
            TracePoint p = points.get(i);
            json.append(i > 0 ? "," : "")
                    .append("{\"lat\":")
                    .append(p.lat())
                    .append(",\"lon\":")
                    .append(p.lon())
                    .append(",\"time\":")
                    .append(p.epochMilli());
            if (!Double.isNaN(p.accuracyM())) {
                json.append(",\"accuracy\":").append(p.accuracyM());
            }
            json.append('}');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
