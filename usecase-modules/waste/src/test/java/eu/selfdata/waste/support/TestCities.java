package eu.selfdata.waste.support;

import eu.selfdata.connectors.CitySchema;
import eu.selfdata.connectors.CityScope;
import eu.selfdata.usecase.api.CityDatabase;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Cities of a test: their schema migrated with the module's changelog as the host would, listed as
 * active with the waste module, and a city context for {@link CityScope} and {@link CityDatabase}.
 */
public class TestCities implements CityScope, CityDatabase {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private final DataSource dataSource;
    private final Map<String, Set<String>> active = new ConcurrentHashMap<>();

    TestCities(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates and migrates the city's schema, then lists it as active with the waste module. */
    public String onboard(String city) {
        migrate(city);
        active.put(city, Set.of("waste"));
        return city;
    }

    public void offboard(String city) {
        active.remove(city);
    }

    public Map<String, Set<String>> active() {
        return Map.copyOf(active);
    }

    public long count(String city, String table) {
        return JdbcClient.create(dataSource).sql("select count(*) from " + new CitySchema(city).quoted() + "." + table)
                .query(Long.class).single();
    }

    @Override
    public <T> T call(String city, Supplier<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(city);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    @Override
    public JdbcClient jdbc() {
        throw new UnsupportedOperationException("module tests read city schemas with count() and schema()");
    }

    @Override
    public TransactionOperations transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public String city() {
        String city = CURRENT.get();
        if (city == null) {
            throw new IllegalStateException("no city in context");
        }
        return city;
    }

    private void migrate(String city) {
        CitySchema schema = new CitySchema(city);
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create schema if not exists " + schema.quoted());
            }
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName(schema.name());
            database.setLiquibaseSchemaName(schema.name());
            new Liquibase("db/waste/changelog.xml", new ClassLoaderResourceAccessor(), database).update("");
            try (Statement statement = connection.createStatement()) {
                statement.execute("reset search_path");
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not migrate " + city, e);
        }
    }
}
