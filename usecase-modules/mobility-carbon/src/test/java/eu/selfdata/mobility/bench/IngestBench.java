package eu.selfdata.mobility.bench;

import eu.selfdata.mobility.MobilityCarbonModule;
import eu.selfdata.mobility.carbon.CityFactors;
import eu.selfdata.mobility.journey.Journeys;
import eu.selfdata.mobility.trace.PointStore;
import eu.selfdata.mobility.trace.TraceFormat;
import eu.selfdata.mobility.trace.TraceIngestion;
import eu.selfdata.mobility.trace.TraceLimits;
import eu.selfdata.mobility.transit.CityTransit;
import eu.selfdata.mobility.transit.GtfsLimits;
import eu.selfdata.mobility.transit.GtfsStore;
import eu.selfdata.mobility.trip.SegmentationSettings;
import eu.selfdata.mobility.trip.Trace;
import eu.selfdata.testsupport.TestPostgres;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.test.TestCity;
import eu.selfdata.usecase.test.TestModule;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Ingests one upload of N points (app JSON, 1 Hz, a realistic fortnight) into PostgreSQL through
 * the module — parse, store, segment, CO2e, one transaction — then COPYs the same rows into a table
 * of the same shape and key, raw, in the same run; prints both rates and their ratio. Also imports
 * a GTFS feed of M stop_times. Run by bench/mobility/run.sh.
 */
public final class IngestBench {

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int gtfsTrips = args.length > 1 ? Integer.parseInt(args[1]) : 90_910;
        Trace trace = SegmentationBenchmark.day(points);
        byte[] upload = json(trace);
        System.out.printf("upload: %d points, %.1f MB of app JSON%n", points, upload.length / 1e6);

        for (int round = 1; round <= 3; round++) { // round 1 includes the JIT warm-up
            TestCity city = TestCity.create(TestModule.of(MobilityCarbonModule.ID));
            PointStore store = new PointStore(city);
            Journeys journeys = new Journeys(
                    city,
                    SegmentationSettings.DEFAULT,
                    new CityFactors(city),
                    new CityTransit(city, new GtfsStore(city, GtfsLimits.DEFAULT)),
                    store);
            TraceIngestion ingestion =
                    new TraceIngestion(city, store, journeys, new TraceLimits(Long.MAX_VALUE, Integer.MAX_VALUE));
            long start = System.nanoTime();
            var receipt = ingestion.ingest(
                    new CitizenId(UUID.randomUUID()), TraceFormat.APP_JSON, new ByteArrayInputStream(upload));
            double module = (System.nanoTime() - start) / 1e9;
            double copy = rawCopy(city.city(), trace);
            System.out.printf(
                    "round %d: module %d points in %.2f s = %.0f points/s (%d trips); raw COPY %.2f s = %.0f points/s; ratio %.2f%n",
                    round,
                    receipt.pointsStored(),
                    module,
                    points / module,
                    receipt.trips(),
                    copy,
                    points / copy,
                    copy / module);
        }

        Path dir = java.nio.file.Files.createTempDirectory("gtfs-bench");
        Path feed = eu.selfdata.mobility.transit.SyntheticGtfs.zip(
                dir, eu.selfdata.mobility.transit.SyntheticGtfs.files(gtfsTrips));
        TestCity city = TestCity.create(TestModule.of(MobilityCarbonModule.ID));
        long start = System.nanoTime();
        new GtfsStore(city, GtfsLimits.DEFAULT).importFeed(feed, "bench");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "gtfs: %d stop_times (%.1f MB zip) imported in %.2f s%n",
                city.jdbc()
                        .sql("select stop_times from mobility_gtfs_feed")
                        .query(Integer.class)
                        .single(),
                java.nio.file.Files.size(feed) / 1e6,
                seconds);
    }

    /** The same rows, CSV through COPY into a table like mobility_trace_point (same key), no parsing of ours. */
    private static double rawCopy(String schema, Trace trace) throws Exception {
        TestPostgres.ConnectionInfo info = TestPostgres.connectionInfo();
        StringBuilder csv = new StringBuilder(trace.size() * 90);
        String citizen = UUID.randomUUID().toString();
        for (int i = 0; i < trace.size(); i++) {
            csv.append(citizen)
                    .append(',')
                    .append(Instant.ofEpochMilli(trace.time(i)))
                    .append(',')
                    .append(trace.lat(i))
                    .append(',')
                    .append(trace.lon(i))
                    .append(',')
                    .append(trace.accuracy(i))
                    .append(",,1\n");
        }
        try (Connection connection = DriverManager.getConnection(info.jdbcUrl(), info.username(), info.password())) {
            connection
                    .createStatement()
                    .execute("create table " + schema + ".raw_copy (like " + schema
                            + ".mobility_trace_point including all)");
            long start = System.nanoTime();
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy " + schema + ".raw_copy from stdin with (format csv)",
                            new StringReader(csv.toString()));
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static byte[] json(Trace trace) {
        StringBuilder json = new StringBuilder(trace.size() * 80).append("{\"points\":[");
        for (int i = 0; i < trace.size(); i++) {
            json.append(i > 0 ? "," : "")
                    .append("{\"lat\":")
                    .append(trace.lat(i))
                    .append(",\"lon\":")
                    .append(trace.lon(i))
                    .append(",\"time\":")
                    .append(trace.time(i))
                    .append(",\"accuracy\":")
                    .append(trace.accuracy(i))
                    .append('}');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
