package eu.selfdata.usecase.test;

import eu.selfdata.contract.CitySlug;
import eu.selfdata.testsupport.TestPostgres;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CityDirectory;
import eu.selfdata.usecase.api.CityScope;
import eu.selfdata.usecase.api.CityStaff;
import eu.selfdata.usecase.api.CurrentCitizen;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The host's city services for module and connector tests, on the shared test PostgreSQL: cities
 * whose schema is migrated with the module's changelogs and which are listed active with it
 * ({@link CityDirectory}), a city in context ({@link CityScope}) whose schema {@link CityDatabase}
 * reaches, and requests of a city by its staff ({@link CityStaff}) or one of its citizens
 * ({@link CurrentCitizen}). tenant-service's own tests run the real ones.
 */
public class TestCities implements CityDatabase, CityScope, CityDirectory, CityStaff, CurrentCitizen {

    private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

    private final DataSource pool;
    private final TestModule module;
    private final DataSource citySchema;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Map<String, Set<String>> active = new ConcurrentHashMap<>();

    /** @param pool the test application's pool (or {@link #onTestPostgres} outside Spring) */
    public TestCities(DataSource pool, TestModule module) {
        this.pool = pool;
        this.module = module;
        this.citySchema = new CitySchemaDataSource(pool, this::city);
        this.jdbc = JdbcClient.create(citySchema);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(citySchema));
    }

    /** Without Spring: connections straight to the shared test PostgreSQL. */
    public static TestCities onTestPostgres(TestModule module) {
        TestPostgres.ConnectionInfo info = TestPostgres.connectionInfo();
        return new TestCities(
                new SimpleDriverDataSource(
                        new org.postgresql.Driver(), info.jdbcUrl(), info.username(), info.password()),
                module);
    }

    /** A slug no other test uses: {@code {prefix}-{8 random characters}}. */
    public static String freshSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates and migrates the city's schema, as the host does when a city enables the module, then lists it as active. */
    public String onboard(String city) {
        String schema = CitySlug.of(city).schemaName();
        try (Connection connection = pool.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(
                        "create schema if not exists " + CitySlug.of(city).quotedSchema());
            }
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName(schema);
            database.setLiquibaseSchemaName(schema);
            for (String changelog : module.changelogs()) {
                new Liquibase(changelog, new ClassLoaderResourceAccessor(), database).update("");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("reset search_path");
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not migrate " + city, e);
        }
        active.put(city, Set.of(module.id()));
        return city;
    }

    /** One onboarded city, always in context. */
    public TestCity fixed(String city) {
        return new TestCity(this, pool, city);
    }

    /** The city is no longer served: its connectors stop, its schema stays. */
    public void offboard(String city) {
        active.remove(city);
    }

    /** Rows of a table in a city's schema, read from outside any city context. */
    public long count(String city, String table) {
        return platform()
                .sql("select count(*) from " + table(city, table))
                .query(Long.class)
                .single();
    }

    /** The table's name qualified with the city's schema, for the test's own SQL ({@link #platform()}). */
    public String table(String city, String table) {
        return CitySlug.of(city).quotedSchema() + "." + table;
    }

    /** The pool without any city: qualified names only, as the tests check what a city's schema holds. */
    public JdbcClient platform() {
        return JdbcClient.create(pool);
    }

    /** Runs as a request of the city by someone holding these city roles ({@link CityStaff#ADMIN}, {@link CityStaff#AGENT}). */
    public <T> T as(String city, Set<String> roles, Supplier<T> work) {
        return within(new Request(city, Set.copyOf(roles), Optional.empty()), work);
    }

    /** Runs as a request of one of the city's citizens. */
    public <T> T asCitizen(String city, CitizenId citizen, Supplier<T> work) {
        return within(new Request(city, Set.of(), Optional.of(citizen)), work);
    }

    /** Connector or job work for the city: no staff, no citizen; nested work for the same city keeps the request around it. */
    @Override
    public <T> T call(String city, Supplier<T> work) {
        Request current = CURRENT.get();
        if (current != null && current.city().equals(city)) {
            return work.get();
        }
        if (current != null && TransactionSynchronizationManager.hasResource(citySchema)) {
            throw new IllegalStateException(
                    "a transaction of " + current.city() + " is open; " + city + "'s work cannot join it");
        }
        return within(new Request(city, Set.of(), Optional.empty()), work);
    }

    private <T> T within(Request request, Supplier<T> work) {
        CitySlug.of(request.city());
        Request previous = CURRENT.get();
        CURRENT.set(request);
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
    public Map<String, Set<String>> activeCitiesWithModules() {
        return Map.copyOf(active);
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
        return request().city();
    }

    @Override
    public boolean isAdmin() {
        return current().map(request -> request.roles().contains(ADMIN)).orElse(false);
    }

    @Override
    public boolean isStaff() {
        return current()
                .map(request ->
                        request.roles().contains(ADMIN) || request.roles().contains(AGENT))
                .orElse(false);
    }

    @Override
    public CitizenId require() {
        return request().citizen().orElseThrow(() -> new IllegalStateException("not a citizen's request"));
    }

    /**
     * A test's citizens count as persons (rule 11): their requests pass the host's verified-account check.
     * Implements {@code CurrentCitizen.requireVerified()} where the SPI has it.
     */
    public CitizenId requireVerified() {
        return require();
    }

    private static Optional<Request> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    private static Request request() {
        return current().orElseThrow(() -> new IllegalStateException("no city in context"));
    }

    private record Request(String city, Set<String> roles, Optional<CitizenId> citizen) {}
}
