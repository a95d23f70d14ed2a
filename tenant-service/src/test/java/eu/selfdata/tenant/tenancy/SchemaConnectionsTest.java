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
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The paths and the failure policy of the city-schema helper, on pools of one connection so that the
 * next borrower gets the very connection given back: each borrower works in the schema it asked for
 * (a city's, or the default path for work of no city) whatever the connection served before, the
 * path is set only when the connection points elsewhere, and a connection whose work cannot be
 * rolled back is evicted, never lent again.
 */
class SchemaConnectionsTest {

    private static final String DEFAULT_PATH = "\"$user\", public";
    private static final SchemaName LYON = SchemaName.of(TenantId.of("lyon"));
    private static final SchemaName PARIS = SchemaName.of(TenantId.of("paris"));
    private static final ClusterName EAST = new ClusterName("east");

    private final HikariDataSource mainPool = pool();
    private final DatabaseClusters clusters = clusters(mainPool, Map.of());
    private final SchemaConnections connections = new SchemaConnections(clusters);
    private final DataSource platform = clusters.pool(ClusterName.MAIN);

    @AfterEach
    void close() {
        clusters.destroy();
        mainPool.close();
    }

    @Test
    void aBorrowedConnectionPointsAtItsCityAndABorrowerOfNoCityGetsTheDefaultPath() throws SQLException {
        Connection connection = connections.borrow(LYON);
        assertThat(searchPath(connection)).isEqualTo("t_lyon");
        int backend = backend(connection);
        connections.giveBack(connection);

        try (Connection next = platform.getConnection()) {
            assertThat(backend(next)).isEqualTo(backend);
            assertThat(searchPath(next)).isEqualTo(DEFAULT_PATH);
        }
    }

    @Test
    void interleavedBorrowsOfTwoCitiesOnOneConnectionEachGetTheirOwnPath() throws SQLException {
        int backend = -1;
        for (SchemaName schema : new SchemaName[] {LYON, PARIS, PARIS, LYON, LYON, PARIS}) {
            Connection connection = connections.borrow(schema);
            assertThat(searchPath(connection)).isEqualTo(schema.name());
            backend = backend(connection);
            connections.giveBack(connection);
        }
        try (Connection next = platform.getConnection()) {
            assertThat(backend(next)).isEqualTo(backend);
            assertThat(searchPath(next)).isEqualTo(DEFAULT_PATH);
        }
    }

    /** The saved round trip: the server saw no statement between the city's last work and its next one. */
    @Test
    void aConnectionAlreadyPointingAtTheCityIsLentWithoutSettingItsPathAgain() throws SQLException {
        Connection connection = connections.borrow(LYON);
        int backend = backend(connection);
        connections.giveBack(connection);

        Connection again = connections.borrow(LYON);
        try {
            assertThat(lastStatementOf(backend)).isEqualTo("select pg_backend_pid()");
            assertThat(searchPath(again)).isEqualTo("t_lyon");
        } finally {
            connections.giveBack(again);
        }
    }

    @Test
    void workLeftUncommittedIsRolledBackAndTheNextCityWorksInItsOwnSchema() throws SQLException {
        try (Connection admin = platform.getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("create schema if not exists t_lyon");
            statement.execute("create table if not exists t_lyon.note (text varchar(20))");
            statement.execute("truncate t_lyon.note");
        }
        Connection connection = connections.borrow(LYON);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("insert into note values ('lyon only')");
        }
        connections.giveBack(connection);

        Connection next = connections.borrow(PARIS);
        try {
            assertThat(searchPath(next)).isEqualTo("t_paris");
            assertThat(single(next, "select count(*) from t_lyon.note")).isEqualTo("0");
        } finally {
            connections.giveBack(next);
        }
    }

    /** As Liquibase leaves it: its own path committed, then a transaction still open when the connection goes back. */
    @Test
    void aPathSetByTheBorrowerItselfIsResetEvenWithWorkLeftUncommitted() throws SQLException {
        Connection connection = connections.borrow(LYON);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to \"t_lyon\", public");
            connection.commit();
            statement.execute("select 1");
        }
        connections.giveBackAfterOwnPath(connection);

        try (Connection next = platform.getConnection()) {
            assertThat(searchPath(next)).isEqualTo(DEFAULT_PATH);
        }
        Connection lyon = connections.borrow(LYON);
        try {
            assertThat(searchPath(lyon)).isEqualTo("t_lyon");
        } finally {
            connections.giveBack(lyon);
        }
    }

    @Test
    void aConnectionWhoseWorkCannotBeRolledBackIsEvictedNotLentAgain() throws SQLException {
        Connection connection = connections.borrow(LYON);
        connection.setAutoCommit(false);
        single(connection, "select 1");
        int backend = backend(connection);
        TestPostgres.ConnectionInfo info = TestPostgres.connectionInfo();
        try (Connection admin = DriverManager.getConnection(info.jdbcUrl(), info.username(), info.password());
                Statement statement = admin.createStatement()) {
            statement.execute("select pg_terminate_backend(" + backend + ", 5000)"); // waits until it is gone
        }

        assertThatThrownBy(() -> connections.giveBack(connection)).isInstanceOf(SQLException.class);

        Connection next = connections.borrow(LYON);
        try {
            assertThat(backend(next)).isNotEqualTo(backend);
            assertThat(searchPath(next)).isEqualTo("t_lyon");
        } finally {
            connections.giveBack(next);
        }
    }

    /** One pool per cluster, each knowing its own connections: a move borrows a city's schema on both. */
    @Test
    void citiesOnTwoClustersAndAMovedCitysSchemaOnBothNeverLeaveAPathToAnotherBorrower() throws SQLException {
        HikariDataSource main = pool();
        TestPostgres.ConnectionInfo info = TestPostgres.connectionInfo();
        DatabaseClusters twoClusters = clusters(
                main,
                Map.of(
                        "east",
                        new DatabaseClusterSettings.Cluster(info.jdbcUrl(), info.username(), info.password(), 1)));
        SchemaConnections onBoth = new SchemaConnections(twoClusters);
        try {
            for (ClusterName cluster : new ClusterName[] {EAST, ClusterName.MAIN, EAST, ClusterName.MAIN}) {
                Connection lyon = onBoth.borrow(cluster, LYON);
                assertThat(searchPath(lyon)).isEqualTo("t_lyon");
                onBoth.giveBack(lyon);
                Connection paris = onBoth.borrow(PARIS); // placed on main
                assertThat(searchPath(paris)).isEqualTo("t_paris");
                onBoth.giveBack(paris);
            }
            for (ClusterName cluster : new ClusterName[] {EAST, ClusterName.MAIN}) {
                try (Connection next = twoClusters.pool(cluster).getConnection()) {
                    assertThat(searchPath(next)).as(cluster.value()).isEqualTo(DEFAULT_PATH);
                }
            }
        } finally {
            twoClusters.destroy();
            main.close();
        }
    }

    /** A path set inside a transaction could be rolled back behind the pool's record of it. */
    @Test
    void aPoolLendingConnectionsInsideATransactionIsRefused() throws SQLException {
        try (HikariDataSource transactional = pool()) {
            transactional.setAutoCommit(false);
            SchemaConnections refusing = new SchemaConnections(clusters(transactional, Map.of()));

            assertThatThrownBy(() -> refusing.borrow(LYON)).isInstanceOf(SQLException.class);
        }
    }

    private static DatabaseClusters clusters(DataSource main, Map<String, DatabaseClusterSettings.Cluster> others) {
        CityPlacement placement = city -> city.slug().equals("lyon") && !others.isEmpty() ? EAST : ClusterName.MAIN;
        return new DatabaseClusters(
                main,
                new DatabaseClusterSettings(others),
                new StaticListableBeanFactory(Map.of("placement", placement)).getBeanProvider(CityPlacement.class));
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

    private static String lastStatementOf(int backend) throws SQLException {
        TestPostgres.ConnectionInfo info = TestPostgres.connectionInfo();
        try (Connection admin = DriverManager.getConnection(info.jdbcUrl(), info.username(), info.password())) {
            return single(admin, "select query from pg_stat_activity where pid = " + backend);
        }
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
