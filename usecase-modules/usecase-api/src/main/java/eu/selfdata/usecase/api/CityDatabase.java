package eu.selfdata.usecase.api;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The current city's schema, for modules and connectors: the city of the request, or the one a
 * {@link CityScope} call put in context. Connections come from the pool of the city's database with
 * the city's {@code search_path} (set by the host alone; never change it); without a city in context they
 * are refused, never defaulted. Write unqualified table names.
 */
public interface CityDatabase {

    JdbcClient jdbc();

    /** Transactions on the city's schema (needed for streaming reads: PostgreSQL cursors live in one). */
    TransactionOperations transactions();

    /** The slug of the city being served, e.g. {@code larochelle}. */
    String city();
}
