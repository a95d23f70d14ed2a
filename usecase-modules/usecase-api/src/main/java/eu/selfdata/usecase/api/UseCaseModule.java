package eu.selfdata.usecase.api;

import eu.selfdata.contract.problem.PlatformProblem;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A use-case module (mobility-carbon, waste, energy...) plugged into the tenant service. A module is a
 * jar whose Spring Boot auto-configuration declares one bean of this type; the tenant service
 * discovers it, applies its tenant changelog to every city that enables it, adds its message bundle
 * to the portal's texts and its page {@code /my/{id}} to the menu of cities that enabled it, answers
 * 404 under {@code /api/{id}/**} and {@code /my/{id}/**} where a city has not enabled it, offers its
 * consent purposes and indicators, and exports and erases its personal data for every citizen,
 * enabled or not (a module switched off keeps the rows it stored). Adding a module to the platform
 * is its jar and one dependency line in the host; see this artifact's README, "Writing a module".
 */
public interface UseCaseModule {

    Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

    /** Stable id, as cities list it in their enabled modules, e.g. {@code mobility-carbon}. */
    String id();

    /** Name shown to cities and citizens. */
    String displayName();

    /**
     * Classpath location of the Liquibase changelog for this module's tables in a city schema: by
     * default {@code db/{id}/changelog.xml} when the jar has one, none otherwise.
     */
    default Optional<String> tenantChangelog() {
        return resource("db/" + id() + "/changelog.xml");
    }

    /**
     * Base name of the module's message bundle: its portal texts, in {@code {name}.properties}
     * (English) and {@code {name}_fr.properties}, among them its menu entry {@code nav.module.{id}}. By
     * default {@code messages/{id}} when the jar has {@code messages/{id}.properties}. Keys start with
     * a prefix of the module's own (e.g. {@code waste.}), so that no bundle hides another's.
     */
    default Optional<String> messageBundle() {
        String baseName = "messages/" + id();
        return resource(baseName + ".properties").map(found -> baseName);
    }

    /**
     * The problem types the module's endpoints answer with besides {@link CommonProblems}'s, e.g.
     * {@code consent-required}. The host refuses to start when two modules, or a module and the host,
     * give one type name two titles or statuses: a client switching on a type gets one meaning.
     */
    default List<PlatformProblem> problems() {
        return List.of();
    }

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

    /** How long the module keeps what it stores, and how it purges it ({@link RetentionRule}). */
    default List<RetentionRule> retentionRules() {
        return List.of();
    }

    /**
     * Indicators the core publishes on the city's schedule over consenting citizens; ids unique across
     * modules (prefix them with the module's id). Read them back through {@link CityAggregates}.
     */
    default List<CityIndicator> cityIndicators() {
        return List.of();
    }

    private Optional<String> resource(String path) {
        return Optional.ofNullable(getClass().getClassLoader().getResource(path))
                .map(url -> path);
    }
}
