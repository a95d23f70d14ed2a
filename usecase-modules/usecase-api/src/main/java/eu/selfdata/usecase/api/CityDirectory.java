package eu.selfdata.usecase.api;

import java.util.Map;
import java.util.Set;

/**
 * The cities the platform serves now, with the modules each enabled: what connectors run for and
 * which cities have a broker account. The host provides the bean (tenant-service: its registry).
 */
@FunctionalInterface
public interface CityDirectory {

    /** Active cities only: a suspended or departed city runs no connector. */
    Map<String, Set<String>> activeCitiesWithModules();
}
