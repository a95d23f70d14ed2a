package eu.selfdata.mobility.support;

import eu.selfdata.testsupport.TestPostgres;
import eu.selfdata.usecase.api.CityDatabase;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

/**
 * A city schema of its own on the shared test PostgreSQL with the module's changelog applied, seen
 * through {@link CityDatabase} as the platform gives it to modules (search_path on the schema).
 */
public final class TestCity implements CityDatabase {

    private final String schema;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    private TestCity(String schema, SimpleDriverDataSource dataSource) {
        this.schema = schema;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public static TestCity create() {
        TestPostgres.ConnectionInfo info = TestPostgres.connectionInfo();
        String schema = "t_mobility_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(info.jdbcUrl(), info.username(), info.password())) {
            connection.createStatement().execute("create schema " + schema);
            connection.createStatement().execute("set search_path to " + schema);
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName(schema);
            database.setLiquibaseSchemaName(schema);
            new Liquibase("db/mobility-carbon/changelog.xml", new ClassLoaderResourceAccessor(), database).update("");
        } catch (Exception e) {
            throw new IllegalStateException("could not create test city " + schema, e);
        }
        String url = info.jdbcUrl() + (info.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestCity(schema, new SimpleDriverDataSource(new org.postgresql.Driver(), url, info.username(), info.password()));
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public TransactionOperations transactions() {
        return transactions;
    }

    @Override
    public String city() {
        return schema;
    }

    public long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
