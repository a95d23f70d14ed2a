package eu.selfdata.tenant.backup;

import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStateConflictException;
import eu.selfdata.tenant.saga.SagaLock;
import eu.selfdata.tenant.tenancy.ClusterName;
import eu.selfdata.tenant.tenancy.DatabaseClusters;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.tenant.tenancy.TenantMigrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Moves a city's schema to another cluster, in-app (pg_dump is not at hand everywhere): the city is
 * marked moving (503 on every replica within the registry cache's TTL, which the move waits; connectors
 * stopped), the source's tables are locked against writes (readers pass) and read under that lock,
 * the target is built by the city's migrations and filled by binary COPY in one transaction whose row
 * counts must match, then the registry points at the target and the source schema is dropped in the
 * transaction that held the locks, so a write waiting on them fails rather than lands in a dropped copy.
 * Before the switch a failure leaves the source untouched and drops the partial target; after it, what
 * remains is dropping the source, which {@link #finish} does again on the next call or start.
 */
@Component
class CityMove {

    private static final Logger log = LoggerFactory.getLogger(CityMove.class);

    private final TenantRegistry registry;
    private final ServedTenants servedTenants;
    private final TenantMigrations migrations;
    private final DatabaseClusters clusters;
    private final MoveJournal journal;
    private final DataSource platform;
    private final Duration drain;

    CityMove(
            TenantRegistry registry,
            ServedTenants servedTenants,
            TenantMigrations migrations,
            DatabaseClusters clusters,
            MoveJournal journal,
            DataSource platform,
            @Value("${selfdata.database.move-drain:${selfdata.tenants.cache-ttl:2s}}") Duration drain) {
        this.registry = registry;
        this.servedTenants = servedTenants;
        this.migrations = migrations;
        this.clusters = clusters;
        this.journal = journal;
        this.platform = platform;
        this.drain = drain;
    }

    MoveReport move(String slug, ClusterName target) {
        TenantId city = TenantId.of(slug);
        if (!clusters.contains(target)) {
            throw new ProblemException(ProblemType.UNKNOWN_CLUSTER, "No database cluster '" + target + "' here");
        }
        try (SagaLock lock = SagaLock.tryAcquire(platform, "move:" + city.slug())) {
            if (!lock.held()) {
                throw new TenantStateConflictException("A move of '" + slug + "' is already running");
            }
            for (MoveJournal.Move interrupted :
                    journal.unfinished(slug).stream().toList()) {
                finish(interrupted);
            }
            Tenant tenant = registry.onboarded(slug);
            ClusterName source = tenant.clusterName();
            if (source.equals(target)) {
                return new MoveReport(slug, source.value(), target.value(), "DONE", Map.of());
            }
            MoveJournal.Move move = journal.start(slug, source, target);
            registry.recordEvent(slug, "MOVE_STARTED", source + " -> " + target);
            servedTenants.evict(slug);
            try {
                return copyAndSwitch(tenant, move);
            } finally {
                servedTenants.evict(slug);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock the move of " + slug, e);
        }
    }

    /** Ends a move a crash (or a failed drop) interrupted; the caller holds the city's move lock. */
    void finish(MoveJournal.Move move) throws SQLException {
        TenantId city = TenantId.of(move.city());
        if (move.state() == MoveJournal.State.SWITCHED) {
            migrations.dropSchemaOn(move.source(), city);
            journal.done(move);
            registry.recordEvent(move.city(), "MOVE_DONE", "source schema on " + move.source() + " dropped");
        } else {
            if (distinctDatabases(move.source(), move.target())) {
                migrations.dropSchemaOn(move.target(), city);
            }
            journal.failed(move, "interrupted before the switch: the city stayed on " + move.source());
            registry.recordEvent(
                    move.city(), "MOVE_FAILED", "interrupted; partial copy on " + move.target() + " dropped");
        }
        servedTenants.evict(move.city());
    }

    private MoveReport copyAndSwitch(Tenant tenant, MoveJournal.Move move) {
        TenantId city = tenant.id();
        String schema = city.schemaName();
        boolean targetBuilt = false;
        boolean switched = false;
        try {
            if (!distinctDatabases(move.source(), move.target())) {
                throw new ProblemException(
                        ProblemType.MOVE_FAILED, "Both cluster names lead to the same database: nothing to move");
            }
            if (migrations.schemaExistsOn(move.target(), city)) {
                throw new ProblemException(
                        ProblemType.MOVE_FAILED,
                        "Cluster " + move.target() + " already holds a schema " + schema + "; it was left as it is");
            }
            Thread.sleep(drain);
        } catch (SQLException | RuntimeException | InterruptedException e) {
            throw failed(move, city, false, e);
        }
        try (Connection from = clusters.pool(move.source()).getConnection();
                Connection to = clusters.pool(move.target()).getConnection()) {
            from.setAutoCommit(false);
            to.setAutoCommit(false);
            try {
                // Read committed is enough: once every table is locked against writes, nothing changes under the copy.
                execute(from, "set local lock_timeout = '30s'");
                List<String> tables = dataTables(from, schema);
                if (!tables.isEmpty()) {
                    execute(
                            from,
                            "lock table "
                                    + String.join(
                                            ", ",
                                            tables.stream()
                                                    .map(table -> CitySchemaTables.quote(schema) + "."
                                                            + CitySchemaTables.quote(table))
                                                    .toList())
                                    + " in exclusive mode");
                }
                CitySchemaTables.lockOutRestores(from, city.slug());
                targetBuilt = true;
                migrations.migrateOn(move.target(), city, tenant.enabledModules());
                Map<String, Long> copied = copy(from, to, schema, tables);
                to.commit();
                switched =
                        registry.switchCluster(city.slug(), move.source(), move.target(), () -> journal.switched(move));
                if (!switched) {
                    throw new TenantStateConflictException(
                            "City '" + city.slug() + "' left " + move.source() + " meanwhile");
                }
                servedTenants.evict(city.slug());
                execute(from, "drop schema " + city.quotedSchema() + " cascade");
                from.commit();
                journal.done(move);
                registry.recordEvent(city.slug(), "MOVE_DONE", "source schema on " + move.source() + " dropped");
                return new MoveReport(
                        city.slug(), move.source().value(), move.target().value(), "DONE", copied);
            } catch (SQLException | RuntimeException e) {
                rollBack(from, to);
                if (switched) {
                    log.error("City {} moved to {}; dropping its source schema failed", city, move.target(), e);
                    return new MoveReport(
                            city.slug(), move.source().value(), move.target().value(), "SWITCHED", Map.of());
                }
                throw failed(move, city, targetBuilt, e);
            }
        } catch (SQLException e) {
            throw failed(move, city, false, e);
        }
    }

    private RuntimeException failed(MoveJournal.Move move, TenantId city, boolean targetBuilt, Exception cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        log.warn("Move of {} from {} to {} failed", city, move.source(), move.target(), cause);
        if (targetBuilt) {
            migrations.dropSchemaOn(move.target(), city);
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        journal.failed(move, reason);
        registry.recordEvent(city.slug(), "MOVE_FAILED", reason);
        return cause instanceof ProblemException problem
                ? problem
                : new ProblemException(
                        ProblemType.MOVE_FAILED,
                        "The move of " + city + " to " + move.target() + " failed; it stays on " + move.source() + ": "
                                + reason);
    }

    /** Every table with rows of the city's own, parents first (migration bookkeeping is the target's). */
    private static List<String> dataTables(Connection from, String schema) throws SQLException {
        List<String> tables = new ArrayList<>(CitySchemaTables.parentsFirst(from, schema));
        tables.removeAll(CitySchemaTables.MIGRATION_STATE);
        return tables;
    }

    /** Empties what the target's migrations seeded, then streams every table across; counts must agree. */
    private static Map<String, Long> copy(Connection from, Connection to, String schema, List<String> tables)
            throws SQLException {
        List<String> targetTables = dataTables(to, schema);
        List<String> missing =
                tables.stream().filter(table -> !targetTables.contains(table)).toList();
        if (!missing.isEmpty()) {
            throw new ProblemException(
                    ProblemType.MOVE_FAILED,
                    "Tables " + missing + " belong to no module the city has enabled: enable it for the move");
        }
        for (String table : targetTables.reversed()) {
            execute(to, "delete from " + CitySchemaTables.quote(schema) + "." + CitySchemaTables.quote(table));
        }
        Map<String, Long> copied = new LinkedHashMap<>();
        for (String table : tables) {
            String columns = String.join(
                    ", ",
                    CitySchemaTables.columns(from, schema, table).stream()
                            .map(CitySchemaTables::quote)
                            .toList());
            String qualified = CitySchemaTables.quote(schema) + "." + CitySchemaTables.quote(table);
            CopyOut out = from.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("copy " + qualified + " (" + columns + ") to stdout with (format binary)");
            CopyIn in = to.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + qualified + " (" + columns + ") from stdin with (format binary)");
            for (byte[] chunk = out.readFromCopy(); chunk != null; chunk = out.readFromCopy()) {
                in.writeToCopy(chunk, 0, chunk.length);
            }
            in.endCopy();
            long rows = CitySchemaTables.rows(from, schema, table);
            if (CitySchemaTables.rows(to, schema, table) != rows) {
                throw new ProblemException(ProblemType.MOVE_FAILED, "Table " + table + " did not copy whole");
            }
            copied.put(table, rows);
        }
        CitySchemaTables.resetSequences(to, schema);
        return copied;
    }

    /**
     * Two cluster names for one database would make a move drop what it copied: a session lock taken
     * through the source cannot be taken through the target when both are one database.
     */
    private boolean distinctDatabases(ClusterName source, ClusterName target) throws SQLException {
        long key = ThreadLocalRandom.current().nextLong();
        try (Connection from = clusters.pool(source).getConnection();
                Connection to = clusters.pool(target).getConnection()) {
            if (!tryLock(from, key)) {
                return false;
            }
            try {
                boolean distinct = tryLock(to, key);
                if (distinct) {
                    execute(to, "select pg_advisory_unlock(" + key + ")");
                }
                return distinct;
            } finally {
                execute(from, "select pg_advisory_unlock(" + key + ")");
            }
        }
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void rollBack(Connection... connections) {
        for (Connection connection : connections) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                log.warn("Rollback after a failed move did not complete", e);
            }
        }
    }
}
