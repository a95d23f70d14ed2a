package eu.selfdata.tenant.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import eu.selfdata.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The one failure policy of the city-schema helper, on a pool of one connection so that the next
 * borrower gets the very connection given back: a path is always reset, uncommitted work included,
 * and a connection that cannot be reset is evicted, never lent again.
 */
class SchemaConnectionsTest {

    private static final String DEFAULT_PATH = "\"$user\", public";
    private static final SchemaName LYON = SchemaName.of(TenantId.of("lyon"));

    private final HikariDataSource pool = pool();
    private final SchemaConnections connections = new SchemaConnections(new DatabaseClusters(
            pool,
            new DatabaseClusterSettings(Map.of()),
            new StaticListableBeanFactory(Map.of("placement", (CityPlacement) city -> ClusterName.MAIN))
                    .getBeanProvider(CityPlacement.class)));

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aBorrowedConnectionHasTheCitysPathAndTheNextBorrowerTheDefaultOne() throws SQLException {
        Connection connection = connections.borrow(LYON);
        assertThat(searchPath(connection)).isEqualTo("t_lyon");
        int backend = backend(connection);
        connections.giveBack(connection);

        try (Connection next = pool.getConnection()) {
            assertThat(backend(next)).isEqualTo(backend);
            assertThat(searchPath(next)).isEqualTo(DEFAULT_PATH);
        }
    }

    /** As Liquibase leaves it: its own path committed, then a transaction still open when the connection goes back. */
    @Test
    void aPathSetInsideATransactionIsResetEvenWithWorkLeftUncommitted() throws SQLException {
        Connection connection = connections.borrow(LYON);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to \"t_lyon\", public");
            connection.commit();
            statement.execute("select 1");
        }
        connections.giveBack(connection);

        try (Connection next = pool.getConnection()) {
            assertThat(searchPath(next)).isEqualTo(DEFAULT_PATH);
        }
    }

    @Test
    void aConnectionWhosePathCannotBeResetIsEvictedNotLentAgain() throws SQLException {
        Connection connection = connections.borrow(LYON);
        int backend = backend(connection);
        TestPostgres.ConnectionInfo info = TestPostgres.connectionInfo();
        try (Connection admin = DriverManager.getConnection(info.jdbcUrl(), info.username(), info.password());
                Statement statement = admin.createStatement()) {
            statement.execute("select pg_terminate_backend(" + backend + ")");
        }

        assertThatThrownBy(() -> connections.giveBack(connection)).isInstanceOf(SQLException.class);

        try (Connection next = pool.getConnection()) {
            assertThat(backend(next)).isNotEqualTo(backend);
            assertThat(searchPath(next)).isEqualTo(DEFAULT_PATH);
        }
    }

    private static HikariDataSource pool() {
        TestPostgres.ConnectionInfo info = TestPostgres.connectionInfo();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(info.jdbcUrl());
        pool.setUsername(info.username());
        pool.setPassword(info.password());
        pool.setMaximumPoolSize(1);
        return pool;
    }

    private static String searchPath(Connection connection) throws SQLException {
        return single(connection, "show search_path");
    }

    private static int backend(Connection connection) throws SQLException {
        return Integer.parseInt(single(connection, "select pg_backend_pid()"));
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
