package eu.selfdata.usecase.api;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A use-case module (mobility-carbon, waste, energy...) plugged into the tenant service. A module is a
 * jar whose Spring Boot auto-configuration declares one bean of this type; the tenant service
 * discovers it, applies its tenant changelog to every city that enables it, and answers 404 for it
 * where a city has not enabled it.
 */
public interface UseCaseModule {

    Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

    /** Stable id, as cities list it in their enabled modules, e.g. {@code mobility-carbon}. */
    String id();

    /** Name shown to cities and citizens. */
    String displayName();

    /** Classpath location of the Liquibase changelog for this module's tables in a city schema. */
    Optional<String> tenantChangelog();
}
