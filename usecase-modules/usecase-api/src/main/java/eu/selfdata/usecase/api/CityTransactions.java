package eu.selfdata.usecase.api;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Work on one city's schema in one transaction, wherever it runs (a connector's thread, a job, a
 * request of that city): {@link CityScope} puts the city in context, {@link CityDatabase} opens the
 * transaction on a pooled connection carrying the city's {@code search_path}, which the next borrower
 * of another city replaces before any statement. A call inside another for the same city joins its transaction, so a
 * template's writes and the dead letters it records commit or roll back together.
 */
public final class CityTransactions {

    private final CityScope scope;
    private final CityDatabase database;

    public CityTransactions(CityScope scope, CityDatabase database) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.database = Objects.requireNonNull(database, "database");
    }

    public <T> T call(String city, Function<JdbcClient, T> work) {
        return scope.call(city, () -> database.transactions().execute(status -> work.apply(database.jdbc())));
    }

    public void run(String city, Consumer<JdbcClient> work) {
        call(city, jdbc -> {
            work.accept(jdbc);
            return null;
        });
    }
}
