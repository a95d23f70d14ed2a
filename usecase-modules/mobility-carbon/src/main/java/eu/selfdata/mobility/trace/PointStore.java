package eu.selfdata.mobility.trace;

import eu.selfdata.mobility.journey.TraceSource;
import eu.selfdata.mobility.trip.MotionActivity;
import eu.selfdata.mobility.trip.Trace;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;

/**
 * A citizen's points in the city schema. Writes go in batches of primitive arrays (sent in
 * PostgreSQL's binary array format) unnested by the server, one statement per 10,000 points; a
 * point already stored (same citizen, same instant) is skipped, so a re-sent file adds nothing.
 */
public class PointStore implements TraceSource {

    static final int BATCH = 10_000;
    private static final String INSERT = """
            insert into mobility_trace_point (citizen_id, recorded_at, lat, lon, accuracy_m, speed_mps, activity, activity_confidence, upload_id)
            select :citizen, timestamptz 'epoch' + t * interval '1 millisecond', la, lo, nullif(acc, 'NaN'), nullif(sp, 'NaN'),
                   ac, nullif(co, -1), :upload
            from unnest(:times::bigint[], :lats::float8[], :lons::float8[], :accuracies::float8[], :speeds::float8[],
                        :activities::text[], :confidences::int2[]) as p(t, la, lo, acc, sp, ac, co)
            on conflict (citizen_id, recorded_at) do nothing
            """;

    private final CityDatabase database;

    public PointStore(CityDatabase database) {
        this.database = database;
    }

    /** Writes one chunk; returns how many of its points were not already stored. */
    public int insert(CitizenId citizen, long uploadId, Chunk chunk) {
        return database.jdbc()
                .sql(INSERT)
                .param("citizen", citizen.value())
                .param("upload", uploadId)
                .param("times", chunk.times())
                .param("lats", chunk.lats())
                .param("lons", chunk.lons())
                .param("accuracies", chunk.accuracies())
                .param("speeds", chunk.speeds())
                .param("activities", chunk.activities())
                .param("confidences", chunk.confidences())
                .update();
    }

    /** Whether the citizen has points between two instants that another upload stored. */
    public boolean anyOutside(CitizenId citizen, Instant from, Instant to, long uploadId) {
        return database.jdbc()
                .sql("""
                        select exists (select 1 from mobility_trace_point
                                       where citizen_id = :citizen and recorded_at between :from and :to and upload_id <> :upload)""")
                .param("citizen", citizen.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("upload", uploadId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Trace load(CitizenId citizen, Instant from, Instant to) {
        Trace trace = new Trace(1024);
        database.jdbc()
                .sql("""
                        select recorded_at, lat, lon, accuracy_m, speed_mps, activity, activity_confidence from mobility_trace_point
                        where citizen_id = :citizen and recorded_at between :from and :to order by recorded_at""")
                .param("citizen", citizen.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .withFetchSize(BATCH)
                .query(rs -> {
                    float storedAccuracy = rs.getFloat(4);
                    double accuracy = rs.wasNull() ? Double.NaN : storedAccuracy;
                    float storedSpeed = rs.getFloat(5);
                    double speed = rs.wasNull() ? Double.NaN : storedSpeed;
                    String activity = rs.getString(6);
                    trace.add(
                            rs.getTimestamp(1).getTime(),
                            rs.getDouble(2),
                            rs.getDouble(3),
                            accuracy,
                            speed,
                            activity == null ? null : MotionActivity.valueOf(activity),
                            rs.getInt(7));
                });
        return trace;
    }

    /**
     * Up to {@value #BATCH} points as columns (accuracy and speed {@code NaN} when unknown, activity
     * null and confidence -1 when none).
     */
    public record Chunk(
            long[] times,
            double[] lats,
            double[] lons,
            double[] accuracies,
            double[] speeds,
            String[] activities,
            short[] confidences) {

        public int size() {
            return times.length;
        }
    }

    /** Cuts the points it receives into chunks of {@value #BATCH}; {@link #flush()} hands over the rest. */
    public static final class Chunker implements PointSink {
        private final java.util.function.Consumer<Chunk> next;
        private long[] times = new long[BATCH];
        private double[] lats = new double[BATCH];
        private double[] lons = new double[BATCH];
        private double[] accuracies = new double[BATCH];
        private double[] speeds = new double[BATCH];
        private String[] activities = new String[BATCH];
        private short[] confidences = new short[BATCH];
        private int size;

        public Chunker(java.util.function.Consumer<Chunk> next) {
            this.next = next;
        }

        @Override
        public void accept(TracePoint point) {
            times[size] = point.epochMilli();
            lats[size] = point.lat();
            lons[size] = point.lon();
            accuracies[size] = point.accuracyM();
            speeds[size] = point.speedMps();
            activities[size] =
                    point.activity() == null ? null : point.activity().name();
            confidences[size] = (short) (point.activity() == null ? -1 : point.activityConfidence());
            if (++size == BATCH) {
                flush();
            }
        }

        public void flush() {
            if (size == 0) {
                return;
            }
            next.accept(
                    size == BATCH
                            ? new Chunk(times, lats, lons, accuracies, speeds, activities, confidences)
                            : new Chunk(
                                    Arrays.copyOf(times, size),
                                    Arrays.copyOf(lats, size),
                                    Arrays.copyOf(lons, size),
                                    Arrays.copyOf(accuracies, size),
                                    Arrays.copyOf(speeds, size),
                                    Arrays.copyOf(activities, size),
                                    Arrays.copyOf(confidences, size)));
            times = new long[BATCH];
            lats = new double[BATCH];
            lons = new double[BATCH];
            accuracies = new double[BATCH];
            speeds = new double[BATCH];
            activities = new String[BATCH];
            confidences = new short[BATCH];
            size = 0;
        }
    }
}
