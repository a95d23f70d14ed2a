package eu.selfdata.tenant.tenancy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The one place a connection of the shared pool gets a schema's {@code search_path} and loses it
 * (rule 4): Hibernate's connection provider, the city's JDBC (the self-data core, the modules, the
 * connectors, in and outside requests) and the Liquibase runs all borrow and give back here. One
 * failure policy: a connection whose path could not be set or reset is evicted from the pool, never
 * lent again.
 */
@Component
public class SchemaConnections {

    private final DataSource pool;

    public SchemaConnections(DataSource pool) {
        this.pool = pool;
    }

    /** A pooled connection whose {@code search_path} is the schema alone; give it back with {@link #giveBack}. */
    public Connection borrow(SchemaName schema) throws SQLException {
        Connection connection = pool.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schema.quoted());
        } catch (SQLException e) {
            evict(connection);
            throw e;
        }
        return connection;
    }

    /**
     * Resets the path and returns the connection to the pool. Work left uncommitted is rolled back first
     * (the pool would do it on return, and would undo the reset with it).
     */
    public void giveBack(Connection connection) throws SQLException {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("reset search_path");
            }
        } catch (SQLException e) {
            evict(connection);
            throw e;
        }
        connection.close();
    }

    private void evict(Connection connection) throws SQLException {
        if (pool.isWrapperFor(HikariDataSource.class)) {
            pool.unwrap(HikariDataSource.class).evictConnection(connection);
        } else {
            connection.abort(Runnable::run);
        }
    }
}
