package eu.selfdata.waste.weighing;

import eu.selfdata.connectors.DeadLetter;
import eu.selfdata.connectors.DeadLetters;
import eu.selfdata.usecase.api.AccessLog;
import eu.selfdata.usecase.api.Accessor;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityScope;
import eu.selfdata.usecase.api.CityTransactions;
import eu.selfdata.waste.WastePurposes;
import eu.selfdata.waste.bin.BinLinks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * Imports an operator's weighings into one city's schema, chunk by chunk, each chunk in one
 * transaction: weighings of bins a consenting citizen linked become that citizen's rows; all other
 * weighings only add to the city's anonymous counts; rejected rows become dead letters. Every write
 * is keyed (weighing: bin, time, stream; counts: file, chunk; dead letter: file, line) so a replay
 * after a crash or a second drop of the same file stores nothing twice. A file over its
 * {@link WeighingLimits} is refused before any chunk is written.
 */
public class WeighingImport {

    static final int CHUNK = 5_000;
    private static final Logger log = LoggerFactory.getLogger(WeighingImport.class);

    private final CityTransactions jdbc;
    private final DeadLetters deadLetters;
    private final BinLinks links;
    private final CityScope scope;
    private final AccessLog accessLog;
    private final WeighingLimits limits;

    public WeighingImport(
            CityTransactions jdbc,
            DeadLetters deadLetters,
            BinLinks links,
            CityScope scope,
            AccessLog accessLog,
            WeighingLimits limits) {
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.links = links;
        this.scope = scope;
        this.accessLog = accessLog;
        this.limits = limits;
    }

    /** Where rows come from: the file name the admin sees, and its content hash that keys replays. */
    public record Source(String template, String name, String key) {}

    /**
     * Imports a local file once it is known to be within {@link WeighingLimits}: a file over them is
     * refused with the reason before any row is written.
     *
     * @throws WeighingCsv.MalformedFileException when the file is over a limit or cannot be read as a whole
     */
    public ImportReport importFile(String city, Source source, WeighingCsv csv, ZoneId zone, Path file) {
        try {
            if (Files.size(file) > limits.maxBytes()) {
                throw new WeighingCsv.MalformedFileException(
                        "the file has " + Files.size(file) + " bytes, more than the cap of " + limits.maxBytes()
                                + " (selfdata.waste.weighings.max-file-bytes)");
            }
            long rows = lines(file) - 1;
            if (rows > limits.maxRows()) {
                throw new WeighingCsv.MalformedFileException("the file has " + rows + " rows, more than the cap of "
                        + limits.maxRows() + " (selfdata.waste.weighings.max-rows)");
            }
            try (InputStream content = Files.newInputStream(file)) {
                return importRows(city, source, csv, zone, content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Physical lines: line feeds, plus a last line without one. */
    private static long lines(Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    /** The streaming import, chunk by chunk; limits are the caller's to check. */
    ImportReport importRows(String city, Source source, WeighingCsv csv, ZoneId zone, InputStream content) {
        Map<String, CitizenId> linked = links.importable(city);
        Batch batch = new Batch(city, source, zone, linked);
        try {
            csv.read(content, row -> {
                batch.add(row);
                if (batch.size() == CHUNK) {
                    batch.flush();
                }
            });
            batch.flush();
        } finally {
            batch.finish();
        }
        batch.logAccess();
        return batch.report;
    }

    /** Imports one row again (a dead letter as stored or corrected); it keeps its line as its chunk. */
    public ImportReport importRow(String city, Source source, WeighingCsv csv, ZoneId zone, long line, String record) {
        WeighingCsv.Row row = csv.readOne(line, record);
        if (row instanceof WeighingCsv.Rejected rejected) {
            throw new IllegalArgumentException(rejected.reason());
        }
        Batch batch = new Batch(city, source, zone, links.importable(city));
        batch.chunk = -line;
        batch.add(row);
        try {
            batch.flush();
        } finally {
            batch.finish();
        }
        batch.logAccess();
        return batch.report;
    }

    private final class Batch {

        private final String city;
        private final Source source;
        private final ZoneId zone;
        private final Map<String, CitizenId> linked;
        private final List<WeighingCsv.Row> rows = new ArrayList<>(CHUNK);
        private final Map<CitizenId, Integer> importedPerCitizen = new HashMap<>();
        // One chunk is written while the next is parsed; chunks still commit one after the other.
        private final ExecutorService writer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("weighings-writer").factory());
        private Future<?> pending;
        private long chunk;
        private volatile ImportReport report = ImportReport.none();

        Batch(String city, Source source, ZoneId zone, Map<String, CitizenId> linked) {
            this.city = city;
            this.source = source;
            this.zone = zone;
            this.linked = linked;
        }

        void add(WeighingCsv.Row row) {
            rows.add(row);
        }

        int size() {
            return rows.size();
        }

        void flush() {
            if (rows.isEmpty()) {
                return;
            }
            List<Weighing> personal = new ArrayList<>();
            List<CitizenId> owners = new ArrayList<>();
            Map<Tonnage, long[]> anonymous = new HashMap<>();
            List<DeadLetter.Failure> rejected = new ArrayList<>();
            Map<String, String> activationCodes = new HashMap<>();
            for (WeighingCsv.Row row : rows) {
                switch (row) {
                    case WeighingCsv.Valid valid -> {
                        if (valid.activationCode() != null) {
                            activationCodes.put(
                                    valid.weighing().binId(),
                                    valid.activationCode()
                                            .hashFor(valid.weighing().binId()));
                        }
                        CitizenId owner = linked.get(valid.weighing().binId());
                        if (owner != null) {
                            personal.add(valid.weighing());
                            owners.add(owner);
                        } else {
                            Weighing w = valid.weighing();
                            long[] sums = anonymous.computeIfAbsent(
                                    new Tonnage(
                                            LocalDate.ofInstant(w.collectedAt(), zone)
                                                    .withDayOfMonth(1),
                                            w.stream()),
                                    t -> new long[2]);
                            sums[0]++;
                            sums[1] += w.grams();
                        }
                    }
                    case WeighingCsv.Rejected bad ->
                        rejected.add(new DeadLetter.Failure(
                                source.template(),
                                source.name(),
                                source.key(),
                                bad.line(),
                                bad.record(),
                                bad.reason()));
                }
            }
            long chunkIndex = chunk++;
            int rowCount = rows.size();
            rows.clear();
            awaitPending();
            pending = writer.submit(
                    () -> write(chunkIndex, rowCount, personal, owners, anonymous, rejected, activationCodes));
        }

        private void write(
                long chunkIndex,
                int rowCount,
                List<Weighing> personal,
                List<CitizenId> owners,
                Map<Tonnage, long[]> anonymous,
                List<DeadLetter.Failure> rejected,
                Map<String, String> activationCodes) {
            List<UUID> inserted = jdbc.call(city, client -> {
                List<UUID> stored = insertPersonal(client, personal, owners);
                // a new code (a new household, a lost letter) replaces the bin's previous one and lifts its lock
                activationCodes.forEach(
                        (bin, hash) -> client.sql("""
                                insert into waste_bin_activation (bin_id, code_hash) values (?, ?)
                                on conflict (bin_id) do update set code_hash = excluded.code_hash, delivered_at = now(),
                                    failed_attempts = 0, locked_until = null
                                 where waste_bin_activation.code_hash <> excluded.code_hash""").params(bin, hash).update());
                anonymous.forEach((tonnage, sums) -> client.sql("""
                                insert into waste_anonymous_tonnage (source_key, chunk, month, stream, weighings, grams)
                                values (:key, :chunk, :month, :stream, :weighings, :grams) on conflict do nothing""")
                        .param("key", source.key())
                        .param("chunk", chunkIndex)
                        .param("month", tonnage.month())
                        .param("stream", tonnage.stream().name())
                        .param("weighings", sums[0])
                        .param("grams", sums[1])
                        .update());
                deadLetters.record(city, rejected);
                return stored;
            });
            inserted.forEach(citizen -> importedPerCitizen.merge(new CitizenId(citizen), 1, Integer::sum));
            long anonymousRows =
                    anonymous.values().stream().mapToLong(sums -> sums[0]).sum();
            report = report.plus(new ImportReport(
                    rowCount, inserted.size(), personal.size() - inserted.size(), anonymousRows, rejected.size()));
        }

        private void awaitPending() {
            if (pending == null) {
                return;
            }
            try {
                pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pending = null;
            }
        }

        /** Waits for the last chunk's write (also after a failure, so nothing writes behind the caller's back). */
        void finish() {
            try {
                awaitPending();
            } finally {
                writer.shutdown();
            }
        }

        private List<UUID> insertPersonal(JdbcClient client, List<Weighing> weighings, List<CitizenId> owners) {
            if (weighings.isEmpty()) {
                return List.of();
            }
            int n = weighings.size();
            String[] citizens = new String[n];
            String[] bins = new String[n];
            String[] times = new String[n];
            String[] streams = new String[n];
            Integer[] grams = new Integer[n];
            String[] rounds = new String[n];
            for (int i = 0; i < n; i++) {
                Weighing w = weighings.get(i);
                citizens[i] = owners.get(i).toString();
                bins[i] = w.binId();
                times[i] = w.collectedAt().toString();
                streams[i] = w.stream().name();
                grams[i] = w.grams();
                rounds[i] = w.round();
            }
            return client.sql("""
                            insert into waste_weighing (citizen_id, bin_id, collected_at, stream, grams, round, source)
                            select cast(c as uuid), b, cast(t as timestamptz), s, g, r, :source
                              from unnest(:citizens, :bins, :times, :streams, :grams, :rounds) as u(c, b, t, s, g, r)
                            on conflict on constraint waste_weighing_once do nothing
                            returning citizen_id""")
                    .param("source", source.name())
                    .param("citizens", array("text", citizens))
                    .param("bins", array("text", bins))
                    .param("times", array("text", times))
                    .param("streams", array("text", streams))
                    .param("grams", array("int4", grams))
                    .param("rounds", array("text", rounds))
                    .query(UUID.class)
                    .list();
        }

        /** The import is a read of each citizen's data by someone else: it goes to their access log. */
        void logAccess() {
            if (importedPerCitizen.isEmpty()) {
                return;
            }
            Accessor connector = new Accessor(Accessor.Kind.CONNECTOR, source.template());
            scope.run(
                    city,
                    () -> importedPerCitizen.forEach((citizen, count) -> accessLog.record(
                            citizen,
                            connector,
                            WastePurposes.CATEGORY_WEIGHINGS,
                            "imported " + count + " weighing(s) from the operator's file " + source.name())));
            importedPerCitizen.clear();
        }
    }

    private static SqlTypeValue array(String type, Object[] values) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(java.sql.Connection connection, int sqlType, String typeName)
                    throws java.sql.SQLException {
                return connection.createArrayOf(type, values);
            }
        };
    }

    private record Tonnage(LocalDate month, WasteStream stream) {}
}
