package eu.selfdata.connectors;

import java.util.Map;
import java.util.Set;

/** The cities connectors run for, with the modules each enabled. */
public interface CityDirectory {

    /** Active cities only: a suspended or departed city runs no connector. */
    Map<String, Set<String>> activeCitiesWithModules();
}
