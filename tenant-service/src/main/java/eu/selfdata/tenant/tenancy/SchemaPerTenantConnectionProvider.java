package eu.selfdata.tenant.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hibernate SCHEMA multitenancy over the one shared pool: a connection points at the tenant's schema
 * when Hibernate checks it out ({@link SchemaConnections}); the next borrower sets its own path, so no
 * tenant's path is ever seen by another.
 */
class SchemaPerTenantConnectionProvider implements MultiTenantConnectionProvider<String> {

    private final DataSource dataSource;
    private final SchemaConnections connections;

    SchemaPerTenantConnectionProvider(DataSource dataSource, SchemaConnections connections) {
        this.dataSource = dataSource;
        this.connections = connections;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String tenantIdentifier) throws SQLException {
        if (ContextTenantResolver.NO_TENANT.equals(tenantIdentifier)) {
            throw new NoTenantInContextException();
        }
        return connections.borrow(SchemaName.of(TenantId.of(tenantIdentifier)));
    }

    @Override
    public void releaseConnection(String tenantIdentifier, Connection connection) throws SQLException {
        connections.giveBack(connection);
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> unwrapType) {
        return unwrapType.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> unwrapType) {
        return unwrapType.cast(this);
    }
}
