package eu.selfdata.tenant.tenancy;

import eu.selfdata.usecase.api.UseCaseModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brings city schemas to the target version: the core tenant changelog plus the changelog of every
 * module the city enabled. Keeps the outcome per city so that a city whose schema did not reach the
 * target is refused traffic and shown in health.
 */
@Component
public class TenantMigrations {

    /** The self-data core's changelogs, in order; a new feature adds its own file. */
    static final List<String> CORE_CHANGELOGS = List.of(
            "db/tenant/core.changelog.sql",
            "db/tenant/erasure.changelog.sql",
            "db/tenant/consent-signing.changelog.sql",
            "db/tenant/retention.changelog.sql",
            "db/tenant/indicators.changelog.sql");

    private static final Logger log = LoggerFactory.getLogger(TenantMigrations.class);

    private final SchemaChangelogRunner runner;
    private final DatabaseClusters clusters;
    private final List<UseCaseModule> modules;
    private final Map<TenantId, MigrationState> states = new ConcurrentHashMap<>();

    TenantMigrations(SchemaChangelogRunner runner, DatabaseClusters clusters, List<UseCaseModule> modules) {
        this.runner = runner;
        this.clusters = clusters;
        this.modules = modules;
    }

    /** Creates the schema when missing and applies every pending changeset. */
    public MigrationState migrate(TenantId tenant, Set<String> enabledModules) {
        states.put(tenant, MigrationState.migrating());
        MigrationState outcome;
        try {
            outcome = MigrationState.migrated(runner.apply(SchemaName.of(tenant), changelogs(enabledModules)));
        } catch (RuntimeException e) {
            log.error("Tenant {} schema migration failed", tenant, e);
            outcome = MigrationState.failed(e.getMessage());
        }
        states.put(tenant, outcome);
        return outcome;
    }

    /** Migrates many cities, one after another (Liquibase runs one at a time in a JVM: see SchemaChangelogRunner). */
    public Map<TenantId, MigrationState> migrateAll(Map<TenantId, Set<String>> tenants) {
        tenants.keySet().forEach(tenant -> states.put(tenant, MigrationState.migrating()));
        Map<TenantId, MigrationState> result = new LinkedHashMap<>();
        tenants.forEach((tenant, enabled) -> result.put(tenant, migrate(tenant, enabled)));
        return result;
    }

    public Optional<MigrationState> state(TenantId tenant) {
        return Optional.ofNullable(states.get(tenant));
    }

    public Map<TenantId, MigrationState> states() {
        return Map.copyOf(states);
    }

    /**
     * Builds the city's schema on another cluster, as it is on its own (core and enabled modules), for a
     * move; the city's migration state here is left as it is.
     *
     * @throws SchemaChangelogRunner.SchemaMigrationException when a changelog fails
     */
    public void migrateOn(ClusterName cluster, TenantId tenant, Set<String> enabledModules) {
        runner.apply(cluster, SchemaName.of(tenant), changelogs(enabledModules));
    }

    public void dropSchema(TenantId tenant) {
        dropSchemaOn(clusters.clusterOf(tenant), tenant);
        states.remove(tenant);
    }

    /** Drops the city's schema on that cluster only (a move's source once switched, or its partial target). */
    public void dropSchemaOn(ClusterName cluster, TenantId tenant) {
        JdbcClient.create(clusters.pool(cluster))
                .sql("drop schema if exists " + tenant.quotedSchema() + " cascade")
                .update();
    }

    public boolean schemaExists(TenantId tenant) {
        return schemaExistsOn(clusters.clusterOf(tenant), tenant);
    }

    public boolean schemaExistsOn(ClusterName cluster, TenantId tenant) {
        return JdbcClient.create(clusters.pool(cluster))
                        .sql("select count(*) from information_schema.schemata where schema_name = ?")
                        .param(tenant.schemaName())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private List<String> changelogs(Set<String> enabledModules) {
        List<String> changelogs = new ArrayList<>(CORE_CHANGELOGS);
        modules.stream()
                .filter(module -> enabledModules.contains(module.id()))
                .map(UseCaseModule::tenantChangelog)
                .flatMap(Optional::stream)
                .forEach(changelogs::add);
        return changelogs;
    }

    /** Module ids this service knows, for validating what a city enables. */
    public Set<String> knownModules() {
        return modules.stream().map(UseCaseModule::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
