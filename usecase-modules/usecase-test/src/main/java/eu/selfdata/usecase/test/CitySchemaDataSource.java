package eu.selfdata.usecase.test;

import eu.selfdata.contract.CitySlug;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The test pool seen through one city, as the host gives it to modules: the city's search_path on
 * checkout, reset when the connection is closed (a connection that cannot be reset is aborted, never
 * reused). The city is asked at each checkout, so that no city means no connection.
 */
final class CitySchemaDataSource extends DelegatingDataSource {

    private final Supplier<String> city;

    CitySchemaDataSource(DataSource pool, Supplier<String> city) {
        super(pool);
        this.city = city;
    }

    @Override
    public Connection getConnection() throws SQLException {
        String schema = CitySlug.of(city.get()).quotedSchema();
        Connection connection = obtainTargetDataSource().getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schema);
        } catch (SQLException e) {
            connection.abort(Runnable::run);
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
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
            connection.abort(Runnable::run);
            throw e;
        }
        connection.close();
    }
}
