package eu.selfdata.mobility.bench;

import eu.selfdata.mobility.MobilityCarbonModule;
import eu.selfdata.mobility.budget.Budgets;
import eu.selfdata.mobility.carbon.CityFactors;
import eu.selfdata.mobility.corpus.TakeoutSamples;
import eu.selfdata.mobility.journey.Journeys;
import eu.selfdata.mobility.takeout.TakeoutImport;
import eu.selfdata.mobility.takeout.TakeoutImports;
import eu.selfdata.mobility.takeout.TakeoutUploads;
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
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A Takeout import of N points end to end — the file sent through tus (tus-java-server onto disk),
 * then imported in the background into PostgreSQL: parse, keep, store, segment week by week, CO2e,
 * one transaction — against the app-JSON upload of the same points through {@code TraceIngestion}
 * (parse, store, segment, one transaction). Files are written to disk first and streamed from there.
 * Run by bench/mobility/run.sh with the number of points (3,000,000: a year of fixes every 10 s).
 */
public final class TakeoutBench {

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
        Path dir = Files.createTempDirectory("takeout-bench");
        Path records = dir.resolve("Records.json");
        Path app = dir.resolve("points.json");
        try (BufferedWriter out = Files.newBufferedWriter(records, StandardCharsets.UTF_8)) {
            TakeoutSamples.writeLarge(out, points, 7, false);
        }
        try (BufferedWriter out = Files.newBufferedWriter(app, StandardCharsets.UTF_8)) {
            TakeoutSamples.writeLarge(out, points, 7, true);
        }
        System.out.printf(
                "%d points: Records.json %.0f MB, app JSON %.0f MB%n",
                points, Files.size(records) / 1e6, Files.size(app) / 1e6);

        TestCity city = TestCity.create(TestModule.of(MobilityCarbonModule.ID));
        PointStore store = new PointStore(city);
        Journeys journeys = new Journeys(
                city,
                SegmentationSettings.DEFAULT,
                new CityFactors(city),
                new CityTransit(city, new GtfsStore(city, GtfsLimits.DEFAULT)),
                store);
        CityScope scope = new CityScope() {
            @Override
            public <T> T call(String name, Supplier<T> work) {
                return work.get();
            }
        };
        try (TakeoutUploads uploads = new TakeoutUploads(dir.resolve("uploads"), 8L << 30, Duration.ofHours(1));
                TakeoutImports imports = new TakeoutImports(
                        city,
                        store,
                        journeys,
                        new Budgets(city, Clock.systemUTC()),
                        uploads,
                        scope,
                        Clock.systemUTC(),
                        1,
                        Long.MAX_VALUE)) {
            CitizenId takeout = new CitizenId(UUID.randomUUID());
            long start = System.nanoTime();
            UUID upload = send(uploads, imports.owner(takeout), records);
            double sent = (System.nanoTime() - start) / 1e9;
            long importStart = System.nanoTime();
            TakeoutImport running = imports.start(takeout, upload, null, null);
            TakeoutImport done = running;
            while (done.status().active()) {
                Thread.sleep(200);
                done = imports.find(takeout, running.id()).orElseThrow();
            }
            double imported = (System.nanoTime() - importStart) / 1e9;
            if (done.status() != TakeoutImport.Status.DONE) {
                throw new IllegalStateException("the import ended " + done.status() + ": " + done.problem());
            }
            double total = sent + imported;
            System.out.printf(
                    "takeout: tus upload %.1f s, import %.1f s (%d points kept, %d trips); end to end %.1f s = %.0f points/s%n",
                    sent, imported, done.pointsKept(), done.trips(), total, points / total);

            TraceIngestion ingestion =
                    new TraceIngestion(city, store, journeys, new TraceLimits(Long.MAX_VALUE, Integer.MAX_VALUE));
            long appStart = System.nanoTime();
            TraceIngestion.UploadReceipt receipt;
            try (InputStream in = Files.newInputStream(app)) {
                receipt = ingestion.ingest(new CitizenId(UUID.randomUUID()), TraceFormat.APP_JSON, in);
            }
            double appSeconds = (System.nanoTime() - appStart) / 1e9;
            System.out.printf(
                    "app JSON: %.1f s = %.0f points/s (%d trips)%n", appSeconds, points / appSeconds, receipt.trips());
            System.out.printf(
                    "takeout / app JSON throughput: %.2f (import alone %.2f)%n",
                    appSeconds / total, appSeconds / imported);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The file through tus as a client sends it: create, then one PATCH streamed from disk. */
    private static UUID send(TakeoutUploads uploads, TakeoutUploads.Owner owner, Path file) throws Exception {
        MockHttpServletRequest create = new MockHttpServletRequest("POST", TakeoutUploads.PATH);
        create.addHeader("Tus-Resumable", "1.0.0");
        create.addHeader("Upload-Length", String.valueOf(Files.size(file)));
        MockHttpServletResponse created = new MockHttpServletResponse();
        uploads.process(create, created, owner);
        String location = created.getHeader("Location");
        try (InputStream bytes = Files.newInputStream(file)) {
            MockHttpServletRequest patch = new MockHttpServletRequest("PATCH", location) {
                @Override
                public jakarta.servlet.ServletInputStream getInputStream() {
                    return new FileBody(bytes);
                }
            };
            patch.addHeader("Tus-Resumable", "1.0.0");
            patch.addHeader("Upload-Offset", "0");
            patch.addHeader("Content-Length", String.valueOf(Files.size(file)));
            patch.setContentType("application/offset+octet-stream");
            MockHttpServletResponse response = new MockHttpServletResponse();
            uploads.process(patch, response, owner);
            if (response.getStatus() != 204) {
                throw new IllegalStateException("tus answered " + response.getStatus());
            }
        }
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The request body read in blocks, as a servlet container hands it over (spring-test's stream reads byte by byte). */
    private static final class FileBody extends DelegatingServletInputStream {
        private final InputStream bytes;

        FileBody(InputStream bytes) {
            super(bytes);
            this.bytes = bytes;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            return bytes.read(buffer, offset, length);
        }
    }
}
