package eu.selfdata.tenant.citydata;

import eu.selfdata.tenant.tenancy.SchemaConnections;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CityScope;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current city's schema through plain JDBC, for the self-data core, the use-case modules and the
 * connectors ({@link CityDatabase}), and the way to work for a city outside a request ({@link CityScope}:
 * the city in {@link TenantContext}, as a request of that city has it). Its own transaction manager
 * (not the JPA one): a transaction here binds one connection that carries the city's search_path.
 */
@Component
public class CityJdbc implements CityDatabase, CityScope {

    private final DataSource citySchema;
    private final JdbcClient jdbc;
    private final DataSourceTransactionManager transactionManager;
    private final TransactionTemplate transactions;

    CityJdbc(DataSource pool, SchemaConnections connections) {
        this.citySchema = new CitySchemaDataSource(pool, connections);
        this.jdbc = JdbcClient.create(citySchema);
        this.transactionManager = new DataSourceTransactionManager(citySchema);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public TransactionOperations transactions() {
        return transactions;
    }

    /** A transaction with other settings (read-only snapshot for exports, for instance). */
    public TransactionTemplate transactions(int isolationLevel, boolean readOnly) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setIsolationLevel(isolationLevel);
        template.setReadOnly(readOnly);
        return template;
    }

    @Override
    public String city() {
        return TenantContext.require().slug();
    }

    /**
     * Work for the city, in its context; for the city already in context, the work joins what runs
     * (its transaction included). Refused for another city while a transaction here is open: its
     * connection carries the current city's schema.
     */
    @Override
    public <T> T call(String city, Supplier<T> work) {
        TenantId target = TenantId.of(city);
        TenantContext.current()
                .filter(current -> !current.equals(target))
                .filter(current -> TransactionSynchronizationManager.hasResource(citySchema))
                .ifPresent(current -> {
                    throw new IllegalStateException(
                            "a transaction of " + current + " is open; " + city + "'s work cannot join it");
                });
        return TenantContext.call(target, work::get);
    }
}
