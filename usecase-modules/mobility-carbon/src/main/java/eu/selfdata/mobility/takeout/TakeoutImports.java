package eu.selfdata.mobility.takeout;

import eu.selfdata.mobility.budget.Budgets;
import eu.selfdata.mobility.journey.Journeys;
import eu.selfdata.mobility.trace.ChunkPipe;
import eu.selfdata.mobility.trace.InvalidTraceException;
import eu.selfdata.mobility.trace.PointStore;
import eu.selfdata.mobility.trace.TakeoutFiles;
import eu.selfdata.mobility.trace.TimeWindow;
import eu.selfdata.mobility.trace.TraceProblem;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CityScope;
import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.io.input.BoundedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports of Takeout files, in the background: a citizen starts one on an upload they completed
 * and may leave, reload the page or cancel; the import runs on this server's few import threads.
 * <ul>
 * <li>Everything an import stores (its points, the trips found, the upload row) is written in one
 * transaction: a cancelled, refused or crashed import stores nothing. Only points inside the period
 * the citizen chose are kept; Google's visits and activities become evidence on the points (still,
 * walking, in a vehicle) and are not stored as such.</li>
 * <li>Progress is written to the import's row by another connection every {@value #HEARTBEAT_S} s;
 * that write is the runner's heartbeat and reads back a cancellation asked on any replica. An
 * active import whose heartbeat stopped for {@value #STALE_S} s (its server went down) is shown as
 * failed: its transaction did not commit.</li>
 * <li>Trips are found week by week (a decade does not fit in memory at once), each week's trips
 * re-segmented with the week before them.</li>
 * <li>The upload's bytes are deleted once the import ends, whatever its end.</li>
 * </ul>
 */
public class TakeoutImports implements AutoCloseable {

    static final int HEARTBEAT_S = 2;
    static final int STALE_S = 60;
    private static final Logger LOG = LoggerFactory.getLogger(TakeoutImports.class);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final String FAILED = "takeout-import-failed";
    private static final String INTERRUPTED = "takeout-import-interrupted";
    private static final String COLUMNS = """
            id, upload_id, status, phase, format, keep_from, keep_to, file_bytes, bytes_read, weeks_done, weeks_total, points_read,
            points_kept, points_outside, duplicates, visits, activities, trips, problem_type, problem_status, problem_detail,
            created_at, updated_at, finished_at""";

    private final CityDatabase database;
    private final PointStore points;
    private final Journeys journeys;
    private final Budgets budgets;
    private final TakeoutUploads uploads;
    private final CityScope scope;
    private final Clock clock;
    private final long maxPoints;
    private final ExecutorService runners;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("takeout-heartbeat").daemon().factory());
    private final Map<Long, Run> running = new ConcurrentHashMap<>();

    public TakeoutImports(
            CityDatabase database,
            PointStore points,
            Journeys journeys,
            Budgets budgets,
            TakeoutUploads uploads,
            CityScope scope,
            Clock clock,
            int concurrency,
            long maxPoints) {
        this.database = database;
        this.points = points;
        this.journeys = journeys;
        this.budgets = budgets;
        this.uploads = uploads;
        this.scope = scope;
        this.clock = clock;
        this.maxPoints = maxPoints;
        this.runners = Executors.newFixedThreadPool(
                concurrency,
                Thread.ofPlatform().name("takeout-import-", 0).daemon().factory());
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_S, HEARTBEAT_S, TimeUnit.SECONDS);
    }

    /**
     * Queues the import of a completed upload of this citizen's, keeping the points from
     * {@code keepFrom} to {@code keepTo} (days in the city's time zone; null: no bound).
     *
     * @throws IllegalArgumentException when the upload is not theirs, not complete, or already imported
     */
    public TakeoutImport start(CitizenId citizen, UUID uploadId, LocalDate keepFrom, LocalDate keepTo) {
        if (keepFrom != null && keepTo != null && keepTo.isBefore(keepFrom)) {
            throw new IllegalArgumentException("the period to keep ends before it starts");
        }
        TakeoutUploads.Owner owner = owner(citizen);
        TakeoutUploads.Upload upload = uploads.find(uploadId, owner)
                .orElseThrow(() -> new IllegalArgumentException("you have no upload " + uploadId));
        if (!upload.complete()) {
            throw new IllegalArgumentException("upload " + uploadId + " is not complete: " + upload.received() + " of "
                    + upload.length() + " bytes arrived; send the rest first");
        }
        // the unique upload id makes a second start of the same upload, even a simultaneous one, find nothing to insert
        Long id = database.jdbc()
                .sql("""
                        insert into mobility_takeout_import (citizen_id, upload_id, status, keep_from, keep_to, file_bytes)
                        values (:citizen, :upload, 'QUEUED', :from, :to, :bytes) on conflict (upload_id) do nothing returning id""")
                .param("citizen", citizen.value())
                .param("upload", uploadId)
                .param("from", keepFrom)
                .param("to", keepTo)
                .param("bytes", upload.length())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (id == null) {
            throw new IllegalArgumentException("upload " + uploadId + " is already imported or being imported");
        }
        Run run = new Run(id, database.city(), citizen, owner, uploadId, keepFrom, keepTo);
        running.put(id, run);
        runners.submit(() -> scope.run(run.city, () -> execute(run)));
        return find(citizen, id).orElseThrow();
    }

    /** The citizen's imports, newest first. */
    public List<TakeoutImport> list(CitizenId citizen) {
        return database.jdbc()
                .sql("select " + COLUMNS
                        + " from mobility_takeout_import where citizen_id = :citizen order by created_at desc, id desc")
                .param("citizen", citizen.value())
                .query((rs, row) -> view(rs))
                .list();
    }

    public Optional<TakeoutImport> find(CitizenId citizen, long id) {
        return database.jdbc()
                .sql("select " + COLUMNS + " from mobility_takeout_import where citizen_id = :citizen and id = :id")
                .param("citizen", citizen.value())
                .param("id", id)
                .query((rs, row) -> view(rs))
                .optional();
    }

    /** Asks the import to stop; it rolls back what it read. Empty when it is not the citizen's. */
    public Optional<TakeoutImport> cancel(CitizenId citizen, long id) {
        int asked = database.jdbc()
                .sql("""
                        update mobility_takeout_import set cancel_requested = true
                        where citizen_id = :citizen and id = :id and status in ('QUEUED', 'RUNNING')""")
                .param("citizen", citizen.value())
                .param("id", id)
                .update();
        Run run = running.get(id);
        if (asked > 0 && run != null) {
            run.cancelled = true;
        }
        return find(citizen, id);
    }

    /** Whose uploads a citizen's requests reach here: theirs, in this city. */
    public TakeoutUploads.Owner owner(CitizenId citizen) {
        return new TakeoutUploads.Owner(database.city(), citizen.value());
    }

    /** Stops the citizen's imports and deletes their uploads' bytes (erasure): what they were writing is rolled back. */
    void forget(CitizenId citizen) {
        TakeoutUploads.Owner owner = owner(citizen);
        running.values().stream()
                .filter(run -> run.citizen.equals(citizen) && run.city.equals(owner.city()))
                .forEach(run -> run.cancelled = true);
        database.jdbc()
                .sql("select upload_id from mobility_takeout_import where citizen_id = :citizen")
                .param("citizen", citizen.value())
                .query(UUID.class)
                .list()
                .forEach(upload -> uploads.delete(upload, owner));
    }

    private void execute(Run run) {
        try {
            int claimed = database.jdbc().sql("""
                            update mobility_takeout_import set status = 'RUNNING', phase = 'READING', updated_at = now()
                            where id = :id and status = 'QUEUED' and not cancel_requested""").param("id", run.id).update();
            if (claimed == 0) {
                end(run, "CANCELLED", null, 0, null);
                return;
            }
            Outcome outcome = database.transactions().execute(status -> importInOneTransaction(run));
            database.jdbc()
                    .sql("""
                            update mobility_takeout_import set status = 'DONE', phase = null, format = :format, points_read = :read,
                                   points_kept = :kept, points_outside = :outside, duplicates = :duplicates, visits = :visits,
                                   activities = :activities, trips = :trips, bytes_read = file_bytes, weeks_done = weeks_total,
                                   updated_at = now(), finished_at = now()
                            where id = :id""")
                    .param("format", outcome.format)
                    .param("read", outcome.read)
                    .param("kept", outcome.kept)
                    .param("outside", outcome.outside)
                    .param("duplicates", outcome.kept - outcome.stored)
                    .param("visits", outcome.visits)
                    .param("activities", outcome.activities)
                    .param("trips", outcome.trips)
                    .param("id", run.id)
                    .update();
        } catch (CancellationException e) {
            end(run, "CANCELLED", null, 0, null);
        } catch (InvalidTraceException e) {
            end(run, "FAILED", e.problem().slug(), e.problem().status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("takeout import {} failed", run.id, e);
            end(run, "FAILED", FAILED, 500, "the import stopped on an error and stored nothing; try again later");
        } finally {
            running.remove(run.id);
            uploads.delete(run.upload, run.owner);
        }
    }

    private Outcome importInOneTransaction(Run run) {
        String[] format = {null};
        long uploadRow = database.jdbc()
                .sql("""
                        insert into mobility_upload (citizen_id, format, points_read, points_stored) values (:citizen, 'TAKEOUT', 0, 0) returning id""")
                .param("citizen", run.citizen.value())
                .query(Long.class)
                .single();
        ZoneId zone = budgets.zone();
        long keepFrom = run.keepFrom == null
                ? Long.MIN_VALUE
                : run.keepFrom.atStartOfDay(zone).toInstant().toEpochMilli();
        long keepTo = run.keepTo == null
                ? Long.MAX_VALUE
                : run.keepTo.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        TimeWindow window = TimeWindow.receivedAt(clock.instant());
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        long[] stored = {0};
        TakeoutFiles.Read read = ChunkPipe.run(
                sink -> TakeoutFiles.read(pass -> open(run, pass), point -> {
                    run.checkCancelled();
                    window.check(point.epochMilli());
                    if (run.read.incrementAndGet() > maxPoints) {
                        throw new InvalidTraceException(
                                TraceProblem.TOO_MANY_POINTS, "an import holds at most " + maxPoints + " points");
                    }
                    if (point.epochMilli() < keepFrom || point.epochMilli() >= keepTo) {
                        run.outside++;
                        return;
                    }
                    run.kept++;
                    span[0] = Math.min(span[0], point.epochMilli());
                    span[1] = Math.max(span[1], point.epochMilli());
                    sink.accept(point);
                }),
                chunk -> {
                    run.checkCancelled();
                    stored[0] += points.insert(run.citizen, uploadRow, chunk);
                });
        format[0] = read.format().name();
        database.jdbc()
                .sql(
                        "update mobility_upload set format = :format, points_read = :read, points_stored = :stored where id = :id")
                .param("format", "TAKEOUT_" + format[0])
                .param("read", run.read.get())
                .param("stored", stored[0])
                .param("id", uploadRow)
                .update();
        int trips = 0;
        if (stored[0] > 0) {
            Instant first = Instant.ofEpochMilli(span[0]);
            Instant last = Instant.ofEpochMilli(span[1]);
            run.phase = TakeoutImport.Phase.SEGMENTING;
            run.weeksTotal = (int) (Duration.between(first, last).toMillis() / WEEK.toMillis()) + 1;
            for (Instant week = first; !week.isAfter(last); week = week.plus(WEEK)) {
                run.checkCancelled();
                Instant end = week.plus(WEEK).isAfter(last) ? last : week.plus(WEEK);
                journeys.refresh(run.citizen, week, end);
                run.weeksDone++;
            }
            trips = database.jdbc()
                    .sql("""
                            select count(*) from mobility_trip where citizen_id = :citizen and ended_at >= :from and started_at <= :to""")
                    .param("citizen", run.citizen.value())
                    .param("from", Timestamp.from(first))
                    .param("to", Timestamp.from(last))
                    .query(Integer.class)
                    .single();
        }
        run.checkCancelled();
        return new Outcome(
                format[0], run.read.get(), run.kept, run.outside, stored[0], read.visits(), read.activities(), trips);
    }

    /** Opens the upload for a pass, counting its bytes for the progress shown. */
    private InputStream open(Run run, TakeoutFiles.Pass pass) throws IOException {
        InputStream bytes = uploads.open(run.upload, run.owner);
        if (pass == TakeoutFiles.Pass.DETECT) {
            return bytes;
        }
        run.phase = pass == TakeoutFiles.Pass.SCAN ? TakeoutImport.Phase.SCANNING : TakeoutImport.Phase.READING;
        run.counted = BoundedInputStream.builder().setInputStream(bytes).get();
        return run.counted;
    }

    private void end(Run run, String status, String problemType, int problemStatus, String detail) {
        database.jdbc()
                .sql("""
                        update mobility_takeout_import set status = :status, phase = null, problem_type = :type, problem_status = :code,
                               problem_detail = :detail, updated_at = now(), finished_at = now()
                        where id = :id""")
                .param("status", status)
                .param("type", problemType)
                .param("code", problemType == null ? null : problemStatus)
                .param("detail", truncate(detail))
                .param("id", run.id)
                .update();
    }

    /** Writes each running import's progress, and reads back whether it was cancelled (or erased) meanwhile. */
    private void beat() {
        for (Run run : running.values()) {
            try {
                scope.run(run.city, () -> {
                    Boolean cancel = database.jdbc()
                            .sql("""
                                    update mobility_takeout_import set phase = :phase, bytes_read = :bytes, weeks_done = :done, weeks_total = :total,
                                           points_read = :read, points_kept = :kept, points_outside = :outside, updated_at = now()
                                    where id = :id and status in ('QUEUED', 'RUNNING') returning cancel_requested""")
                            .param("phase", run.phase.name())
                            .param("bytes", run.counted == null ? 0 : run.counted.getCount())
                            .param("done", run.weeksDone)
                            .param("total", run.weeksTotal)
                            .param("read", run.read.get())
                            .param("kept", run.kept)
                            .param("outside", run.outside)
                            .param("id", run.id)
                            .query(Boolean.class)
                            .optional()
                            .orElse(Boolean.TRUE);
                    if (cancel) {
                        run.cancelled = true;
                    }
                });
            } catch (RuntimeException e) {
                LOG.debug("takeout heartbeat of import {} failed", run.id, e);
            }
        }
    }

    private TakeoutImport view(ResultSet rs) throws SQLException {
        TakeoutImport.Status status = TakeoutImport.Status.valueOf(rs.getString("status"));
        Instant updated = rs.getTimestamp("updated_at").toInstant();
        String problemType = rs.getString("problem_type");
        TakeoutImport.Problem problem = problemType == null
                ? null
                : new TakeoutImport.Problem(
                        eu.selfdata.contract.problem.Problems.type(problemType).toString(),
                        problemType.equals(FAILED) ? "Import failed" : "Takeout file refused",
                        rs.getInt("problem_status"),
                        rs.getString("problem_detail"));
        if (status.active()
                && updated.isBefore(clock.instant().minusSeconds(STALE_S))
                && !running.containsKey(rs.getLong("id"))) {
            status = TakeoutImport.Status.FAILED;
            problem = new TakeoutImport.Problem(
                    eu.selfdata.contract.problem.Problems.type(INTERRUPTED).toString(),
                    "Import interrupted",
                    503,
                    "the server running the import stopped; nothing was stored. Upload the file again.");
        }
        String phase = rs.getString("phase");
        return new TakeoutImport(
                rs.getLong("id"),
                rs.getObject("upload_id", UUID.class),
                status,
                phase == null || !status.active() ? null : TakeoutImport.Phase.valueOf(phase),
                rs.getString("format"),
                date(rs, "keep_from"),
                date(rs, "keep_to"),
                rs.getLong("file_bytes"),
                rs.getLong("bytes_read"),
                rs.getInt("weeks_done"),
                rs.getInt("weeks_total"),
                rs.getLong("points_read"),
                rs.getLong("points_kept"),
                rs.getLong("points_outside"),
                rs.getLong("duplicates"),
                rs.getInt("visits"),
                rs.getInt("activities"),
                rs.getInt("trips"),
                problem,
                rs.getTimestamp("created_at").toInstant(),
                updated,
                rs.getTimestamp("finished_at") == null
                        ? null
                        : rs.getTimestamp("finished_at").toInstant());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        runners.shutdownNow();
    }

    /** What an import found, once its transaction is about to commit. */
    private record Outcome(
            String format, long read, long kept, long outside, long stored, int visits, int activities, int trips) {}

    /** A running import's state, shared by its runner, the heartbeat and cancellations. */
    private static final class Run {
        final long id;
        final String city;
        final CitizenId citizen;
        final TakeoutUploads.Owner owner;
        final UUID upload;
        final LocalDate keepFrom;
        final LocalDate keepTo;
        final AtomicLong read = new AtomicLong();
        volatile long kept;
        volatile long outside;
        volatile TakeoutImport.Phase phase = TakeoutImport.Phase.READING;
        volatile BoundedInputStream counted;
        volatile int weeksDone;
        volatile int weeksTotal;
        volatile boolean cancelled;

        Run(
                long id,
                String city,
                CitizenId citizen,
                TakeoutUploads.Owner owner,
                UUID upload,
                LocalDate keepFrom,
                LocalDate keepTo) {
            this.id = id;
            this.city = city;
            this.citizen = citizen;
            this.owner = owner;
            this.upload = upload;
            this.keepFrom = keepFrom;
            this.keepTo = keepTo;
        }

        void checkCancelled() {
            if (cancelled) {
                throw new CancellationException("import " + id + " was cancelled");
            }
        }
    }
}
