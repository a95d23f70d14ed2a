package eu.selfdata.usecase.api;

import java.util.function.Supplier;

/**
 * Runs work for one city as the host's request filter would for a request of that city: inside it,
 * {@link CityDatabase} reaches that city's schema and the city-scoped services (consents, access log)
 * answer for it. The way connectors and jobs work for a city outside any request, e.g.
 * {@code scope.call(city, () -> database.transactions().execute(status -> ...))} ({@link CityTransactions}
 * says it in one call). The host provides the bean.
 *
 * <p>Nested calls for the same city join the work around them (its transaction included). A call for
 * another city while a transaction of the current one is open is refused with an
 * {@link IllegalStateException}: that transaction's connection carries the current city's schema.
 */
@FunctionalInterface
public interface CityScope {

    /** @throws IllegalArgumentException when {@code city} is not a city slug */
    <T> T call(String city, Supplier<T> work);

    default void run(String city, Runnable work) {
        call(city, () -> {
            work.run();
            return null;
        });
    }
}
