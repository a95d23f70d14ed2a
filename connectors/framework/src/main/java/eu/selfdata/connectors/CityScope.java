package eu.selfdata.connectors;

import java.util.function.Supplier;

/**
 * Runs connector work as the host's request filter would for a request of that city, so that the
 * host's city-scoped services (consents, access log) answer for it. The host provides the bean.
 */
@FunctionalInterface
public interface CityScope {

    <T> T call(String city, Supplier<T> work);

    default void run(String city, Runnable work) {
        call(city, () -> {
            work.run();
            return null;
        });
    }
}
