package eu.selfdata.tenant.registry;

import eu.selfdata.tenant.tenancy.MigrationState;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.tenant.tenancy.TenantMigrations;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Before the service reports ready, brings every served city's schema to the target version in
 * parallel; a city whose schema fails stays refused (503) and is named in health.
 */
@Component
@Order(0)
class StartupMigrations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupMigrations.class);
    private final TenantRegistry registry;
    private final TenantMigrations migrations;

    StartupMigrations(TenantRegistry registry, TenantMigrations migrations) {
        this.registry = registry;
        this.migrations = migrations;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        Map<TenantId, Set<String>> tenants =
                registry.modulesOf(Set.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED)).entrySet().stream()
                        .collect(Collectors.toMap(e -> TenantId.of(e.getKey()), Map.Entry::getValue));
        Map<TenantId, MigrationState> outcome = migrations.migrateAll(tenants);
        long failed = outcome.values().stream()
                .filter(s -> s.status() == MigrationState.Status.FAILED)
                .count();
        log.info(
                "Migrated {} city schemas in {} ms ({} failed)",
                outcome.size(),
                (System.nanoTime() - start) / 1_000_000,
                failed);
    }
}
