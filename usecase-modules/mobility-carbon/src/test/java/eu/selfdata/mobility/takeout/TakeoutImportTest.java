package eu.selfdata.mobility.takeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import eu.selfdata.mobility.MobilityCarbonModule;
import eu.selfdata.mobility.budget.Budgets;
import eu.selfdata.mobility.carbon.CityFactors;
import eu.selfdata.mobility.corpus.TakeoutSamples;
import eu.selfdata.mobility.journey.Journeys;
import eu.selfdata.mobility.journey.TripView;
import eu.selfdata.mobility.trace.PointStore;
import eu.selfdata.mobility.trace.TraceFormat;
import eu.selfdata.mobility.trace.TraceIngestion;
import eu.selfdata.mobility.trace.TraceLimits;
import eu.selfdata.mobility.transit.CityTransit;
import eu.selfdata.mobility.transit.GtfsLimits;
import eu.selfdata.mobility.transit.GtfsStore;
import eu.selfdata.mobility.trip.SegmentationSettings;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityScope;
import eu.selfdata.usecase.test.TestCity;
import eu.selfdata.usecase.test.TestModule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Takeout imports through the real path: the file uploaded by tus (tus-java-server, driven with
 * servlet requests), imported in the background into PostgreSQL, trips read back.
 */
class TakeoutImportTest {

    @TempDir
    Path storage;

    private final TestCity city = TestCity.create(TestModule.of(MobilityCarbonModule.ID));
    private final PointStore points = new PointStore(city);
    private final Journeys journeys = new Journeys(
            city,
            SegmentationSettings.DEFAULT,
            new CityFactors(city),
            new CityTransit(city, new GtfsStore(city, GtfsLimits.DEFAULT)),
            points);
    private TakeoutUploads uploads;
    private TakeoutImports imports;

    private TakeoutImports imports() {
        if (imports == null) {
            uploads = new TakeoutUploads(storage, 1L << 31, Duration.ofHours(1));
            CityScope scope = new CityScope() {
                @Override
                public <T> T call(String name, java.util.function.Supplier<T> work) {
                    return work.get();
                }
            };
            imports = new TakeoutImports(
                    city,
                    points,
                    journeys,
                    new Budgets(city, Clock.systemUTC()),
                    uploads,
                    scope,
                    Clock.systemUTC(),
                    1,
                    20_000_000);
        }
        return imports;
    }

    @AfterEach
    void stop() {
        if (imports != null) {
            imports.close();
            uploads.close();
        }
    }

    @Test
    void recordsJsonGivesTheSameTripsAsTheGpxOfItsPoints() {
        assertSameTripsAsGpx("Records.json", 2);
    }

    @Test
    void theAndroidTimelineGivesTheSameTripsAsTheGpxOfItsPoints() {
        assertSameTripsAsGpx("Timeline.json", 2);
    }

    @Test
    void theIosTimelineGivesTheSameTripsAsTheGpxOfItsPoints() {
        assertSameTripsAsGpx("location-history.json", 2);
    }

    @Test
    void onlyThePeriodTheCitizenKeepsIsStored() {
        CitizenId citizen = citizen();
        byte[] file = sample("Records.json");
        UUID upload = upload(citizen, file);
        LocalDate day = LocalDate.parse("2026-03-17");

        TakeoutImport done = finished(citizen, imports().start(citizen, upload, day.plusDays(1), day.plusDays(2)));

        assertThat(done.status()).isEqualTo(TakeoutImport.Status.DONE);
        assertThat(done.pointsKept()).isZero();
        assertThat(done.pointsOutside()).isEqualTo(done.pointsRead()).isPositive();
        assertThat(city.count("mobility_trace_point")).isZero();
        assertThat(uploads.find(upload, imports().owner(citizen)))
                .as("the bytes are deleted once read")
                .isEmpty();
    }

    @Test
    void aBrokenUploadResumesFromTheOffsetTheServerHas() {
        CitizenId citizen = citizen();
        byte[] file = sample("Records.json");
        TakeoutUploads.Owner owner = imports().owner(citizen);
        String location = create(owner, file.length);
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        // The connection breaks a third of the way: the request announced every byte, a third arrived.
        MockHttpServletRequest broken = patch(location, 0, Arrays.copyOf(file, file.length / 3));
        broken.addHeader("Content-Length", String.valueOf(file.length));
        uploads.process(broken, new MockHttpServletResponse(), owner);

        MockHttpServletResponse head = tus("HEAD", location, owner, null);
        long offset = Long.parseLong(head.getHeader("Upload-Offset"));
        assertThat(offset).isEqualTo(file.length / 3);
        MockHttpServletResponse rest = new MockHttpServletResponse();
        uploads.process(patch(location, offset, Arrays.copyOfRange(file, (int) offset, file.length)), rest, owner);

        assertThat(rest.getStatus()).isEqualTo(204);
        assertThat(uploads.find(id, owner))
                .hasValueSatisfying(upload -> assertThat(upload.complete()).isTrue());
        TakeoutImport done = finished(citizen, imports().start(citizen, id, null, null));
        assertThat(done.pointsKept()).isEqualTo(TakeoutSamples.recordsPoints());
    }

    @Test
    void anotherCitizensUploadIsNotFound() {
        CitizenId owner = citizen();
        UUID upload = upload(owner, sample("Records.json"));
        CitizenId other = citizen();

        assertThat(uploads.find(upload, imports().owner(other))).isEmpty();
        assertThat(tus("HEAD", TakeoutUploads.PATH + "/" + upload, imports().owner(other), null)
                        .getStatus())
                .isEqualTo(404);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports().start(other, upload, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("you have no upload");
    }

    @Test
    void anUploadIsImportedOnceEvenWhenStartedTwice() {
        CitizenId citizen = citizen();
        UUID upload = upload(citizen, sample("Records.json"));

        TakeoutImport first = imports().start(citizen, upload, null, null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports().start(citizen, upload, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(".*(already imported|you have no upload).*");
        assertThat(finished(citizen, first).status()).isEqualTo(TakeoutImport.Status.DONE);
        assertThat(imports().list(citizen)).hasSize(1);
    }

    @Test
    void aCancelledImportStoresNothing() {
        CitizenId citizen = citizen();
        UUID upload = upload(citizen, TakeoutSamples.largeRecords(300_000).getBytes(StandardCharsets.UTF_8));
        TakeoutImport started = imports().start(citizen, upload, null, null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> imports().find(citizen, started.id()).orElseThrow().pointsRead() > 0);

        imports().cancel(citizen, started.id());

        TakeoutImport cancelled = finished(citizen, started);
        assertThat(cancelled.status()).isEqualTo(TakeoutImport.Status.CANCELLED);
        assertThat(city.count("mobility_trace_point")).isZero();
        assertThat(city.count("mobility_upload")).isZero();
        assertThat(city.count("mobility_trip")).isZero();
        assertThat(uploads.find(upload, imports().owner(citizen))).isEmpty();
    }

    @Test
    void aFixFromTheFutureFailsTheImportNamingItAndStoresNothing() {
        CitizenId citizen = citizen();
        UUID upload = upload(citizen, sample("broken-future.json"));

        TakeoutImport failed = finished(citizen, imports().start(citizen, upload, null, null));

        assertThat(failed.status()).isEqualTo(TakeoutImport.Status.FAILED);
        assertThat(failed.problem().type()).isEqualTo("https://selfdata.eu/problems/trace-time-out-of-range");
        assertThat(failed.problem().status()).isEqualTo(422);
        assertThat(failed.problem().detail()).contains("at /locations/7 (line").contains("2099-01-01T00:00:00Z");
        assertThat(city.count("mobility_trace_point")).isZero();
    }

    private void assertSameTripsAsGpx(String file, int trips) {
        CitizenId takeout = citizen();
        UUID upload = upload(takeout, sample(file));
        TakeoutImport done = finished(takeout, imports().start(takeout, upload, null, null));
        assertThat(done.status()).as(String.valueOf(done.problem())).isEqualTo(TakeoutImport.Status.DONE);
        assertThat(done.trips()).isEqualTo(trips);

        CitizenId gpx = citizen();
        new TraceIngestion(city, points, journeys, TraceLimits.DEFAULT)
                .ingest(gpx, TraceFormat.GPX, new ByteArrayInputStream(sample(file.replaceAll("\\.json$", ".gpx"))));

        List<TripView> fromTakeout = journeys.list(takeout, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        List<TripView> fromGpx = journeys.list(gpx, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(fromTakeout).hasSize(trips).hasSameSizeAs(fromGpx);
        for (int t = 0; t < trips; t++) {
            TripView a = fromTakeout.get(t);
            TripView b = fromGpx.get(t);
            assertThat(Duration.between(a.startedAt(), b.startedAt()).abs()).isLessThan(Duration.ofMinutes(1));
            assertThat(Duration.between(a.endedAt(), b.endedAt()).abs()).isLessThan(Duration.ofMinutes(1));
            assertThat((double) a.distanceM()).isCloseTo(b.distanceM(), within(0.03 * b.distanceM()));
            assertThat(a.legs().stream().map(TripView.LegView::mode).toList())
                    .isEqualTo(b.legs().stream().map(TripView.LegView::mode).toList());
        }
    }

    private TakeoutImport finished(CitizenId citizen, TakeoutImport started) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !imports()
                        .find(citizen, started.id())
                        .orElseThrow()
                        .status()
                        .active());
        return imports().find(citizen, started.id()).orElseThrow();
    }

    private UUID upload(CitizenId citizen, byte[] file) {
        TakeoutUploads.Owner owner = imports().owner(citizen);
        String location = create(owner, file.length);
        MockHttpServletResponse response = new MockHttpServletResponse();
        uploads.process(patch(location, 0, file), response, owner);
        assertThat(response.getStatus()).isEqualTo(204);
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private String create(TakeoutUploads.Owner owner, long length) {
        MockHttpServletRequest create = new MockHttpServletRequest("POST", TakeoutUploads.PATH);
        create.addHeader("Tus-Resumable", "1.0.0");
        create.addHeader("Upload-Length", String.valueOf(length));
        MockHttpServletResponse response = new MockHttpServletResponse();
        uploads.process(create, response, owner);
        assertThat(response.getStatus()).isEqualTo(201);
        return response.getHeader("Location");
    }

    private static MockHttpServletRequest patch(String location, long offset, byte[] bytes) {
        MockHttpServletRequest patch = new MockHttpServletRequest("PATCH", location);
        patch.addHeader("Tus-Resumable", "1.0.0");
        patch.addHeader("Upload-Offset", String.valueOf(offset));
        patch.setContentType("application/offset+octet-stream");
        patch.setContent(bytes);
        return patch;
    }

    private MockHttpServletResponse tus(String method, String location, TakeoutUploads.Owner owner, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, location);
        request.addHeader("Tus-Resumable", "1.0.0");
        if (body != null) {
            request.setContent(body);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        uploads.process(request, response, owner);
        return response;
    }

    private static CitizenId citizen() {
        return new CitizenId(UUID.randomUUID());
    }

    private static byte[] sample(String file) {
        try (InputStream in = TakeoutImportTest.class.getResourceAsStream("/takeout/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
