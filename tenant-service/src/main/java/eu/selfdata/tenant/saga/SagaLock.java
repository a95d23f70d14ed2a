package eu.selfdata.tenant.saga;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A PostgreSQL session advisory lock per saga run (a city's onboarding, a citizen's erasure): at most one
 * run per key across replicas, and
 * released by the database itself when the holder crashes and its connection dies.
 */
public final class SagaLock implements AutoCloseable {

    private final Connection connection;
    private final String key;
    private final boolean held;

    private SagaLock(Connection connection, String key, boolean held) {
        this.connection = connection;
        this.key = key;
        this.held = held;
    }

    /** @param key names the saga run, e.g. {@code onboarding:{slug}}: one holder per key across replicas */
    public static SagaLock tryAcquire(DataSource dataSource, String key) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement statement =
                connection.prepareStatement("select pg_try_advisory_lock(hashtextextended(?, 0))")) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new SagaLock(connection, key, rs.getBoolean(1));
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    public boolean held() {
        return held;
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            if (held) {
                try (PreparedStatement statement =
                        connection.prepareStatement("select pg_advisory_unlock(hashtextextended(?, 0))")) {
                    statement.setString(1, key);
                    statement.execute();
                }
            }
        }
    }
}
