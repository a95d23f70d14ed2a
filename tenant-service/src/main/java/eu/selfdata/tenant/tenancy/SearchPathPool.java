package eu.selfdata.tenant.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A cluster's pool that remembers which schema each of its physical connections points at (rule 4
 * without a reset per request): a city's borrow ({@link #lend}) sets {@code search_path} only when the
 * connection points elsewhere, and a connection goes back to the pool with its path. Every other
 * borrower (the platform's registry, backups, moves, Hibernate's metadata) comes through
 * {@link #getConnection}, which first restores the default path of a connection that points at a
 * schema. So whatever a connection served before, the next borrower works in the schema it asked for.
 *
 * <p>The record stays true because only this class changes a path (a borrower that sets its own, as
 * Liquibase does, gives the connection back through {@link #restoreDefault}) and it does so outside
 * any transaction, where no rollback can undo it. A connection whose path could not be set is evicted.
 */
final class SearchPathPool extends DelegatingDataSource {

    /**
     * By physical connection (the pool's proxies change at each borrow), compared by identity (a driver's
     * equals may query a closed connection) and held weakly, as the pool retires them.
     */
    private final Cache<Connection, SchemaName> pointsAt =
            Caffeine.newBuilder().weakKeys().build();

    SearchPathPool(DataSource pool) {
        super(pool);
    }

    /** A connection with the default path, for work that is no city's. */
    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = obtainTargetDataSource().getConnection();
        if (pointsAt.getIfPresent(physical(connection)) != null) {
            restoreDefault(connection);
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("connections come from the shared pool only");
    }

    /** A connection whose {@code search_path} is the schema alone. */
    Connection lend(SchemaName schema) throws SQLException {
        Connection connection = obtainTargetDataSource().getConnection();
        Connection physical = physical(connection);
        if (!schema.equals(pointsAt.getIfPresent(physical))) {
            if (!connection.getAutoCommit()) { // a rollback would undo the path this pool records
                evict(connection);
                throw new SQLException("the pool lends connections inside a transaction: set its autoCommit");
            }
            pointsAt.invalidate(physical);
            execute(connection, "set search_path to " + schema.quoted());
            pointsAt.put(physical, schema);
        }
        return connection;
    }

    /** Back to the default path, for a connection whose path was set outside {@link #lend}. */
    void restoreDefault(Connection connection) throws SQLException {
        execute(connection, "reset search_path");
        pointsAt.invalidate(physical(connection));
    }

    /** Out of the pool for good: closed, never lent again. */
    void evict(Connection connection) throws SQLException {
        pointsAt.invalidate(physical(connection));
        DataSource pool = obtainTargetDataSource();
        if (pool.isWrapperFor(HikariDataSource.class)) {
            pool.unwrap(HikariDataSource.class).evictConnection(connection);
        } else {
            connection.abort(Runnable::run);
        }
    }

    private void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            evict(connection);
            throw e;
        }
    }

    private static Connection physical(Connection connection) throws SQLException {
        return connection.unwrap(Connection.class);
    }
}
