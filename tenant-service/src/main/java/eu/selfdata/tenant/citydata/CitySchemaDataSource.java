package eu.selfdata.tenant.citydata;

import eu.selfdata.tenant.tenancy.TenantContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The shared pool seen through the current city: a connection gets the city's {@code search_path}
 * on checkout (no city in context → refused) and loses it when closed, like the Hibernate
 * connection provider does for JPA.
 */
final class CitySchemaDataSource extends DelegatingDataSource {

    CitySchemaDataSource(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        String schema = TenantContext.require().quotedSchema();
        Connection connection = obtainTargetDataSource().getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schema);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return resettingOnClose(connection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("city connections come from the shared pool only");
    }

    private static Connection resettingOnClose(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && !connection.isClosed()) {
                        resetAndClose(connection);
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void resetAndClose(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("reset search_path");
        } catch (SQLException e) {
            // A connection whose path could not be reset must not go back to the pool as is.
            connection.abort(Runnable::run);
            throw e;
        }
        connection.close();
    }
}
