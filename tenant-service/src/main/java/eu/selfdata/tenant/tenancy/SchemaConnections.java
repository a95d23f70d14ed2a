package eu.selfdata.tenant.tenancy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The one place a pooled connection gets a schema's {@code search_path} and loses it (rule 4):
 * Hibernate's connection provider, the city's JDBC (the self-data core, the modules, the connectors, in
 * and outside requests) and the Liquibase runs all borrow and give back here. A city's connection
 * comes from the pool of the cluster that holds its schema ({@link DatabaseClusters}), the platform's
 * from {@code main}. One failure policy: a connection whose path could not be set or reset is evicted
 * from its pool, never lent again.
 */
@Component
public class SchemaConnections {

    private final DatabaseClusters clusters;
    /** Which pool each lent connection came from, to evict it from the right one. */
    private final Map<Connection, DataSource> lent = new ConcurrentHashMap<>();

    public SchemaConnections(DatabaseClusters clusters) {
        this.clusters = clusters;
    }

    /** A pooled connection whose {@code search_path} is the schema alone; give it back with {@link #giveBack}. */
    public Connection borrow(SchemaName schema) throws SQLException {
        return borrow(schema.city().map(clusters::clusterOf).orElse(ClusterName.MAIN), schema);
    }

    /** The same from a named cluster: for moving a city, whose schema is then on two clusters. */
    public Connection borrow(ClusterName cluster, SchemaName schema) throws SQLException {
        DataSource pool = clusters.pool(cluster);
        Connection connection = pool.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schema.quoted());
        } catch (SQLException e) {
            evict(pool, connection);
            throw e;
        }
        lent.put(connection, pool);
        return connection;
    }

    /**
     * Resets the path and returns the connection to the pool. Work left uncommitted is rolled back first
     * (the pool would do it on return, and would undo the reset with it).
     */
    public void giveBack(Connection connection) throws SQLException {
        DataSource pool = lent.remove(connection);
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("reset search_path");
            }
        } catch (SQLException e) {
            evict(pool, connection);
            throw e;
        }
        connection.close();
    }

    private static void evict(DataSource pool, Connection connection) throws SQLException {
        if (pool != null && pool.isWrapperFor(HikariDataSource.class)) {
            pool.unwrap(HikariDataSource.class).evictConnection(connection);
        } else {
            connection.abort(Runnable::run);
        }
    }
}
