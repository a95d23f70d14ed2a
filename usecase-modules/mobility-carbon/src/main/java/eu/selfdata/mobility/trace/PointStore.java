package eu.selfdata.mobility.trace;

import eu.selfdata.mobility.trip.Trace;
import eu.selfdata.mobility.trip.TraceSource;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * A citizen's points in the city schema. Writes go in batches of primitive arrays (sent in
 * PostgreSQL's binary array format) unnested by the server, one statement per 10,000 points; a
 * point already stored (same citizen, same instant) is skipped, so a re-sent file adds nothing.
 */
public class PointStore implements TraceSource {

    static final int BATCH = 10_000;
    private static final String INSERT = """
            insert into mobility_trace_point (citizen_id, recorded_at, lat, lon, accuracy_m, speed_mps, upload_id)
            select :citizen, timestamptz 'epoch' + t * interval '1 millisecond', la, lo, nullif(acc, 'NaN'), nullif(sp, 'NaN'), :upload
            from unnest(:times::bigint[], :lats::float8[], :lons::float8[], :accuracies::float8[], :speeds::float8[]) as p(t, la, lo, acc, sp)
            on conflict (citizen_id, recorded_at) do nothing
            """;

    private final CityDatabase database;

    public PointStore(CityDatabase database) {
        this.database = database;
    }

    /** Collects points and writes them a batch at a time; {@link #flush()} writes the rest. */
    public Batch batch(CitizenId citizen, long uploadId) {
        return new Batch(citizen, uploadId);
    }

    /** Whether the citizen has points between two instants that another upload stored. */
    public boolean anyOutside(CitizenId citizen, Instant from, Instant to, long uploadId) {
        return database.jdbc().sql("""
                        select exists (select 1 from mobility_trace_point
                                       where citizen_id = :citizen and recorded_at between :from and :to and upload_id <> :upload)""")
                .param("citizen", citizen.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("upload", uploadId)
                .query(Boolean.class).single();
    }

    @Override
    public Trace load(CitizenId citizen, Instant from, Instant to) {
        Trace trace = new Trace(1024);
        database.jdbc().sql("""
                        select recorded_at, lat, lon, accuracy_m from mobility_trace_point
                        where citizen_id = :citizen and recorded_at between :from and :to order by recorded_at""")
                .param("citizen", citizen.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .withFetchSize(BATCH)
                .query(rs -> {
                    float stored = rs.getFloat(4);
                    double accuracy = rs.wasNull() ? Double.NaN : stored;
                    trace.add(rs.getTimestamp(1).getTime(), rs.getDouble(2), rs.getDouble(3), accuracy);
                });
        return trace;
    }

    public final class Batch implements PointSink {
        private final CitizenId citizen;
        private final long uploadId;
        private final long[] times = new long[BATCH];
        private final double[] lats = new double[BATCH];
        private final double[] lons = new double[BATCH];
        private final double[] accuracies = new double[BATCH];
        private final double[] speeds = new double[BATCH];
        private int size;
        private int stored;

        private Batch(CitizenId citizen, long uploadId) {
            this.citizen = citizen;
            this.uploadId = uploadId;
        }

        @Override
        public void accept(TracePoint point) {
            times[size] = point.epochMilli();
            lats[size] = point.lat();
            lons[size] = point.lon();
            accuracies[size] = point.accuracyM();
            speeds[size] = point.speedMps();
            if (++size == BATCH) {
                flush();
            }
        }

        public void flush() {
            if (size == 0) {
                return;
            }
            stored += database.jdbc().sql(INSERT).param("citizen", citizen.value()).param("upload", uploadId)
                    .param("times", java.util.Arrays.copyOf(times, size))
                    .param("lats", java.util.Arrays.copyOf(lats, size))
                    .param("lons", java.util.Arrays.copyOf(lons, size))
                    .param("accuracies", java.util.Arrays.copyOf(accuracies, size))
                    .param("speeds", java.util.Arrays.copyOf(speeds, size))
                    .update();
            size = 0;
        }

        /** Points written so far that were not already stored. */
        public int stored() {
            return stored;
        }
    }
}
