package eu.selfdata.connectors.hostile;

import eu.selfdata.connectors.CityDirectory;
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
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * The host's side for the framework's tests: cities with the connector tables migrated, listed as
 * active with the probe module, and a request of a city (its slug, the caller's city roles) as the
 * host's filters would set it.
 */
class TestCities implements CityDatabase, CityScope, CityDirectory {

    static final String MODULE = "probe";
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private final DataSource dataSource;
    private final Map<String, Set<String>> active = new ConcurrentHashMap<>();

    TestCities(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    String onboard(String city) {
        CitySchema schema = new CitySchema(city);
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create schema if not exists " + schema.quoted());
            }
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName(schema.name());
            database.setLiquibaseSchemaName(schema.name());
            new Liquibase("db/connectors/tenant.changelog.sql", new ClassLoaderResourceAccessor(), database).update("");
            try (Statement statement = connection.createStatement()) {
                statement.execute("reset search_path");
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not migrate " + city, e);
        }
        active.put(city, Set.of(MODULE));
        return city;
    }

    /** Runs as a request of the city by someone holding these city roles. */
    <T> T as(String city, Set<String> roles, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("someone", "n/a",
                roles.stream().map(role -> "ROLE_" + role).toArray(String[]::new)));
        try {
            return call(city, work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    JdbcClient platform() {
        return JdbcClient.create(dataSource);
    }

    @Override
    public Map<String, Set<String>> activeCitiesWithModules() {
        return Map.copyOf(active);
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
        throw new UnsupportedOperationException("the framework reaches city schemas through CityJdbc");
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
}
