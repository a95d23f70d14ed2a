package eu.selfdata.mobility.trace;

import eu.selfdata.mobility.journey.Journeys;
import eu.selfdata.mobility.trip.Trace;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import java.io.InputStream;
import java.time.Instant;

/**
 * Stores an upload as the citizen's points and refreshes their trips, in one transaction: a file
 * refused halfway leaves nothing behind, and points already stored are not stored twice.
 */
public class TraceIngestion {

    private final CityDatabase database;
    private final PointStore points;
    private final Journeys journeys;
    private final TraceLimits limits;

    public TraceIngestion(CityDatabase database, PointStore points, Journeys journeys, TraceLimits limits) {
        this.database = database;
        this.points = points;
        this.journeys = journeys;
        this.limits = limits;
    }

    public UploadReceipt ingest(CitizenId citizen, TraceFormat format, InputStream body) {
        return database.transactions().execute(status -> {
            long uploadId = database.jdbc()
                    .sql("""
                            insert into mobility_upload (citizen_id, format, points_read, points_stored) values (:citizen, :format, 0, 0) returning id""")
                    .param("citizen", citizen.value())
                    .param("format", format.name())
                    .query(Long.class)
                    .single();
            Trace uploaded = new Trace(4096);
            int[] stored = {0};
            TraceFiles.ReadSummary read = ChunkPipe.run(
                    sink -> TraceFiles.read(body, format, limits, point -> {
                        sink.accept(point);
                        uploaded.add(
                                point.epochMilli(),
                                point.lat(),
                                point.lon(),
                                point.accuracyM(),
                                point.speedMps(),
                                point.activity(),
                                point.activityConfidence());
                    }),
                    chunk -> stored[0] += points.insert(citizen, uploadId, chunk));
            Instant first = Instant.ofEpochMilli(read.firstEpochMilli());
            Instant last = Instant.ofEpochMilli(read.lastEpochMilli());
            // Points around this upload from earlier ones? If not, segment what was read, not a read-back.
            boolean alone =
                    !points.anyOutside(citizen, first.minus(journeys.margin()), last.plus(journeys.margin()), uploadId);
            database.jdbc()
                    .sql("update mobility_upload set points_read = :read, points_stored = :stored where id = :id")
                    .param("read", read.points())
                    .param("stored", stored[0])
                    .param("id", uploadId)
                    .update();
            int trips = stored[0] == 0 ? 0 : journeys.refresh(citizen, first, last, alone ? uploaded : null);
            return new UploadReceipt(uploadId, read.points(), stored[0], read.points() - stored[0], first, last, trips);
        });
    }

    /** What an upload did: {@code duplicates} points were already stored; {@code trips} in the span it touched. */
    public record UploadReceipt(
            long uploadId, int pointsRead, int pointsStored, int duplicates, Instant from, Instant to, int trips) {}
}
