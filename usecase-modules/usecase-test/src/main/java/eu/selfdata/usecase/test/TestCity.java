package eu.selfdata.usecase.test;

import eu.selfdata.usecase.api.CityDatabase;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One city of the module, migrated and always in context: the {@link CityDatabase} a module's
 * services get, for tests of them without Spring and without a {@code CityScope}.
 */
public final class TestCity implements CityDatabase {

    private final TestCities cities;
    private final String city;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    TestCity(TestCities cities, DataSource pool, String city) {
        this.cities = cities;
        this.city = city;
        DataSource schema = new CitySchemaDataSource(pool, () -> city);
        this.jdbc = JdbcClient.create(schema);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(schema));
    }

    /** A fresh city ({@code {module id}-xxxxxxxx}) on the shared test PostgreSQL with the module's changelogs applied. */
    public static TestCity create(TestModule module) {
        TestCities cities = TestCities.onTestPostgres(module);
        return cities.fixed(cities.onboard(TestCities.freshSlug(module.id())));
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
        return city;
    }

    public long count(String table) {
        return cities.count(city, table);
    }
}
