package eu.selfdata.tenant.citydata;

import eu.selfdata.tenant.tenancy.SchemaConnections;
import eu.selfdata.tenant.tenancy.SchemaName;
import eu.selfdata.tenant.tenancy.TenantContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The shared pool seen through the current city: a connection points at the city's schema on checkout
 * (no city in context → refused) and goes back to the pool when closed, both through
 * {@link SchemaConnections}, as Hibernate's connection provider does for JPA.
 */
final class CitySchemaDataSource extends DelegatingDataSource {

    private final SchemaConnections connections;

    CitySchemaDataSource(DataSource pool, SchemaConnections connections) {
        super(pool);
        this.connections = connections;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = connections.borrow(SchemaName.of(TenantContext.require()));
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && !connection.isClosed()) {
                        connections.giveBack(connection);
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("city connections come from the shared pool only");
    }
}
