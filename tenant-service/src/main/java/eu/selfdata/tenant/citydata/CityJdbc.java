package eu.selfdata.tenant.citydata;

import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.usecase.api.CityDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * The current city's schema through plain JDBC, for the self-data core and the use-case modules.
 * Its own transaction manager (not the JPA one): a transaction here binds one connection that
 * carries the city's search_path.
 */
@Component
public class CityJdbc implements CityDatabase {

    private final JdbcClient jdbc;
    private final DataSourceTransactionManager transactionManager;
    private final TransactionTemplate transactions;

    CityJdbc(DataSource pool) {
        DataSource citySchema = new CitySchemaDataSource(pool);
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
}
