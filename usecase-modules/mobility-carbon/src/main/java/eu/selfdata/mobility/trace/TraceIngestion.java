package eu.selfdata.mobility.trace;

import eu.selfdata.mobility.journey.Journeys;
import eu.selfdata.mobility.trip.Trace;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;

import java.io.InputStream;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

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
            long uploadId = database.jdbc().sql("""
                            insert into mobility_upload (citizen_id, format, points_read, points_stored) values (:citizen, :format, 0, 0) returning id""")
                    .param("citizen", citizen.value()).param("format", format.name()).query(Long.class).single();
            Trace uploaded = new Trace(4096);
            ParsedUpload parsed = new ParsedUpload();
            // Parsing runs beside the inserts: a chunk is written while the next one is read.
            Thread parser = Thread.ofVirtual().name("trace-parser").start(() -> parsed.run(() -> {
                PointStore.Chunker chunker = new PointStore.Chunker(parsed::hand);
                TraceFiles.ReadSummary read = TraceFiles.read(body, format, limits, point -> {
                    chunker.accept(point);
                    uploaded.add(point.epochMilli(), point.lat(), point.lon(), point.accuracyM(), point.speedMps(), point.activity(),
                            point.activityConfidence());
                });
                chunker.flush();
                return read;
            }));
            int stored = 0;
            TraceFiles.ReadSummary read;
            try {
                for (Object next = parsed.take(); ; next = parsed.take()) {
                    if (next instanceof PointStore.Chunk chunk) {
                        stored += points.insert(citizen, uploadId, chunk);
                    } else {
                        read = (TraceFiles.ReadSummary) next;
                        break;
                    }
                }
            } finally {
                parsed.cancel();
                parser.interrupt();
            }
            Instant first = Instant.ofEpochMilli(read.firstEpochMilli());
            Instant last = Instant.ofEpochMilli(read.lastEpochMilli());
            // Points around this upload from earlier ones? If not, segment what was read, not a read-back.
            boolean alone = !points.anyOutside(citizen, first.minus(journeys.margin()), last.plus(journeys.margin()), uploadId);
            database.jdbc().sql("update mobility_upload set points_read = :read, points_stored = :stored where id = :id")
                    .param("read", read.points()).param("stored", stored).param("id", uploadId).update();
            int trips = stored == 0 ? 0 : journeys.refresh(citizen, first, last, alone ? uploaded : null);
            return new UploadReceipt(uploadId, read.points(), stored, read.points() - stored, first, last, trips);
        });
    }

    /**
     * The hand-over from the parsing thread: at most two chunks wait (memory stays bounded), then the
     * summary, or the parser's failure rethrown on the inserting side.
     */
    private static final class ParsedUpload {
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
        private volatile boolean cancelled;

        void run(java.util.function.Supplier<TraceFiles.ReadSummary> parse) {
            try {
                hand(parse.get());
            } catch (Throwable failure) {
                hand(new Failed(failure));
            }
        }

        void hand(Object item) {
            try {
                while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    if (cancelled) {
                        throw new CancellationException("the upload was abandoned");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("the upload was abandoned");
            }
        }

        Object take() {
            try {
                Object item = queue.take();
                if (item instanceof Failed(Throwable failure)) {
                    if (failure instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (failure instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(failure);
                }
                return item;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the upload", e);
            }
        }

        void cancel() {
            cancelled = true;
        }

        private record Failed(Throwable failure) {
        }
    }

    /** What an upload did: {@code duplicates} points were already stored; {@code trips} in the span it touched. */
    public record UploadReceipt(long uploadId, int pointsRead, int pointsStored, int duplicates, Instant from, Instant to, int trips) {
    }
}
