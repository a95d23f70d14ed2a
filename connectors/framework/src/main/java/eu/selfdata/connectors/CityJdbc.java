package eu.selfdata.connectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Connector work on one city's schema outside any web request: a transaction on the shared pool
 * whose search_path is set with {@code set_config(..., true)}, i.e. for that transaction only, so
 * the connection goes back to the pool without it. A nested call for another city is refused.
 */
public final class CityJdbc {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public CityJdbc(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        // Our own manager, never a bean: the host's JPA transaction manager stays the primary one.
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public <T> T inCity(String city, Function<JdbcClient, T> work) {
        CitySchema schema = new CitySchema(city);
        String outer = CURRENT.get();
        if (outer != null) {
            if (!outer.equals(city)) {
                throw new IllegalStateException("already working for " + outer + ", not " + city);
            }
            return work.apply(jdbc);
        }
        CURRENT.set(city);
        try {
            return transactions.execute(status -> {
                jdbc.sql("select set_config('search_path', :schema, true)").param("schema", schema.quoted())
                        .query(String.class).single();
                return work.apply(jdbc);
            });
        } finally {
            CURRENT.remove();
        }
    }

    public void run(String city, Consumer<JdbcClient> work) {
        inCity(city, client -> {
            work.accept(client);
            return null;
        });
    }

    /** Platform-wide reads that name their schema explicitly (e.g. which cities exist). */
    JdbcClient unscoped() {
        return jdbc;
    }
}
