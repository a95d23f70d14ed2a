package eu.selfdata.tenant.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The one place a pooled connection gets a schema's {@code search_path} (rule 4): Hibernate's
 * connection provider, the city's JDBC (the self-data core, the modules, the connectors, in and
 * outside requests) and the Liquibase runs all borrow and give back here. A city's connection comes
 * from the pool of the cluster that holds its schema ({@link DatabaseClusters}), the platform's from
 * {@code main}. The path is set when the connection points elsewhere and left on give-back: the
 * next borrower sets its own, a borrower of no city gets the default one ({@link SearchPathPool}).
 * One failure policy: a connection whose path could not be set, or whose work could not be rolled
 * back, is evicted from its pool, never lent again.
 */
@Component
public class SchemaConnections {

    private final DatabaseClusters clusters;
    /** Which pool each lent connection came from, to evict it from the right one. */
    private final Map<Connection, SearchPathPool> lent = new ConcurrentHashMap<>();

    public SchemaConnections(DatabaseClusters clusters) {
        this.clusters = clusters;
    }

    /** A pooled connection whose {@code search_path} is the schema alone; give it back with {@link #giveBack}. */
    public Connection borrow(SchemaName schema) throws SQLException {
        return borrow(schema.city().map(clusters::clusterOf).orElse(ClusterName.MAIN), schema);
    }

    /** The same from a named cluster: for moving a city, whose schema is then on two clusters. */
    public Connection borrow(ClusterName cluster, SchemaName schema) throws SQLException {
        SearchPathPool pool = clusters.lending(cluster);
        Connection connection = pool.lend(schema);
        lent.put(connection, pool);
        return connection;
    }

    /**
     * Returns the connection to the pool, its path kept. Work left uncommitted is rolled back first, so
     * that none of it reaches the next borrower.
     */
    public void giveBack(Connection connection) throws SQLException {
        giveBack(connection, false);
    }

    /** The same for a borrower that set a path itself (Liquibase): the connection gets the default one back. */
    public void giveBackAfterOwnPath(Connection connection) throws SQLException {
        giveBack(connection, true);
    }

    private void giveBack(Connection connection, boolean ownPath) throws SQLException {
        SearchPathPool pool = lent.remove(connection);
        if (pool == null) {
            throw new IllegalArgumentException("this connection was not lent here, or was given back already");
        }
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            pool.evict(connection);
            throw e;
        }
        if (ownPath) {
            pool.restoreDefault(connection);
        }
        connection.close();
    }
}
