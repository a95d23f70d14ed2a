package eu.selfdata.mobility.connector;

import eu.selfdata.connectors.CityScope;
import eu.selfdata.connectors.CitySchema;
import eu.selfdata.usecase.api.AccessLog;
import eu.selfdata.usecase.api.Accessor;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.Consents;
import eu.selfdata.usecase.api.CurrentCitizen;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Stand-ins for the host's city services in the connector tests: cities migrated with the module's
 * changelog (connector tables included), a city context for {@link CityScope} and a
 * {@link CityDatabase} whose connections carry that city's search_path, and consents kept in memory.
 * The end-to-end tests in tenant-service use the real ones.
 */
class ConnectorCities implements CityScope, CityDatabase, Consents, CurrentCitizen, AccessLog {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private final DataSource pool;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Map<String, Set<String>> active = new ConcurrentHashMap<>();
    private final Set<String> consents = ConcurrentHashMap.newKeySet();
    private final List<String> accessLog = new CopyOnWriteArrayList<>();

    ConnectorCities(DataSource pool) {
        this.pool = pool;
        DataSource citySchema = new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set search_path to " + new CitySchema(city()).quoted());
                }
                return connection;
            }
        };
        this.jdbc = JdbcClient.create(citySchema);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(citySchema));
    }

    String onboard(String city) {
        CitySchema schema = new CitySchema(city);
        try (Connection connection = pool.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create schema if not exists " + schema.quoted());
            }
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName(schema.name());
            database.setLiquibaseSchemaName(schema.name());
            new Liquibase("db/mobility-carbon/changelog.xml", new ClassLoaderResourceAccessor(), database).update("");
            try (Statement statement = connection.createStatement()) {
                statement.execute("reset search_path");
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not migrate " + city, e);
        }
        active.put(city, Set.of("mobility-carbon"));
        return city;
    }

    Map<String, Set<String>> active() {
        return Map.copyOf(active);
    }

    void give(CitizenId citizen, String purpose) {
        consents.add(citizen + "/" + purpose);
    }

    long count(String city, String table) {
        return JdbcClient.create(pool).sql("select count(*) from " + new CitySchema(city).quoted() + "." + table).query(Long.class).single();
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
        return jdbc;
    }

    @Override
    public TransactionOperations transactions() {
        return transactions;
    }

    @Override
    public String city() {
        String city = CURRENT.get();
        if (city == null) {
            throw new IllegalStateException("no city in context");
        }
        return city;
    }

    @Override
    public boolean isGiven(CitizenId citizen, String purposeId) {
        return consents.contains(citizen + "/" + purposeId);
    }

    @Override
    public CitizenId require() {
        throw new IllegalStateException("connectors have no citizen request");
    }

    @Override
    public CitizenId requireVerified() {
        return require();
    }

    @Override
    public void record(CitizenId citizen, Accessor accessor, String categoryId, String reason) {
        accessLog.add(city() + " " + citizen + " " + accessor.name() + " " + categoryId + ": " + reason);
    }

    /** Access-log entries of a citizen in a city, as {@code {accessor} {category}: {reason}}. */
    List<String> accessLog(String city, CitizenId citizen) {
        String prefix = city + " " + citizen + " ";
        return accessLog.stream().filter(entry -> entry.startsWith(prefix)).map(entry -> entry.substring(prefix.length())).toList();
    }
}
