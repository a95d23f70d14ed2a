package eu.selfdata.usecase.api;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A use-case module (mobility-carbon, waste, energy...) plugged into the tenant service. A module is a
 * jar whose Spring Boot auto-configuration declares one bean of this type; the tenant service
 * discovers it, applies its tenant changelog to every city that enables it, answers 404 under
 * {@code /api/{id}/**} where a city has not enabled it, and exports and erases its personal data
 * for every citizen, enabled or not (a module switched off keeps the rows it stored).
 */
public interface UseCaseModule {

    Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

    /** Stable id, as cities list it in their enabled modules, e.g. {@code mobility-carbon}. */
    String id();

    /** Name shown to cities and citizens. */
    String displayName();

    /** Classpath location of the Liquibase changelog for this module's tables in a city schema. */
    Optional<String> tenantChangelog();

    /**
     * What the module stores about citizens, one source per category. Every table of the module
     * with a {@code citizen_id} column must be listed by one of them: the core refuses to forget one.
     */
    default List<PersonalDataSource> personalData() {
        return List.of();
    }

    /** Purposes a citizen may consent to (or refuse) for this module's data. */
    default List<ConsentPurpose> consentPurposes() {
        return List.of();
    }

    /** Indicators the city may compute over consenting citizens, through {@link CityAggregates}. */
    default List<CityIndicator> cityIndicators() {
        return List.of();
    }
}
