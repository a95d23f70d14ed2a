package eu.selfdata.connectors.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camel cluster service whose leaders are the holders of PostgreSQL session advisory locks, one
 * lock per namespace, all held on one connection of this replica: the database every replica
 * already shares arbitrates, and a replica that dies or loses its connection loses its locks with
 * its session. For plain deployments, the embedded run and tests; on Kubernetes, Leases
 * ({@link KubernetesLeaseClusterService}).
 */
public class PostgresLockClusterService extends AbstractCamelClusterService<PostgresLockView> {

    private static final Logger log = LoggerFactory.getLogger(PostgresLockClusterService.class);
    /** High half of every lock key, so the connectors' locks never meet another use of advisory locks. */
    private static final long KEY_SPACE = 0x5E1F_DA7AL << 32;

    private final DataSource dataSource;
    private final Duration interval;
    private ScheduledExecutorService timer;
    private Connection connection;

    public PostgresLockClusterService(String id, DataSource dataSource, Duration interval) {
        super(id);
        this.dataSource = dataSource;
        this.interval = interval;
    }

    @Override
    protected PostgresLockView createView(String namespace) {
        return new PostgresLockView(this, namespace, KEY_SPACE | (namespace.hashCode() & 0xFFFF_FFFFL));
    }

    @Override
    protected void doStart() throws Exception {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .daemon()
                .name("connector-cluster-" + getId())
                .factory());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        timer.shutdown();
        super.doStop();
        timer.awaitTermination(interval.toMillis() * 5, TimeUnit.MILLISECONDS);
        closeConnection();
    }

    ScheduledFuture<?> every(Runnable task) {
        return timer.scheduleWithFixedDelay(task, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes the lock if free; when already held, whether the session holding it is still alive. */
    synchronized boolean hold(long key, boolean held) {
        try {
            if (held) {
                if (connection != null && connection.isValid(Math.max(1, (int) interval.toSeconds()))) {
                    return true;
                }
                closeConnection();
                return false;
            }
            try (PreparedStatement statement = connection().prepareStatement("select pg_try_advisory_lock(?)")) {
                statement.setLong(1, key);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            log.warn("Cluster lock {} unavailable: {}", key, e.getMessage());
            closeConnection();
            return false;
        }
    }

    synchronized void release(long key) {
        if (connection == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        } catch (SQLException e) {
            closeConnection();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private synchronized void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Cluster lock connection did not close cleanly", e);
            }
            connection = null;
        }
    }
}
