package eu.selfdata.tenant.modules;

import eu.selfdata.tenant.onboarding.UnknownModuleException;
import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStateConflictException;
import eu.selfdata.tenant.registry.TenantStatus;
import eu.selfdata.tenant.tenancy.MigrationState;
import eu.selfdata.tenant.tenancy.TenantMigrations;
import java.util.Set;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordinator (or governance, stopping a pilot) switches one use-case module on or off for one
 * city. Enabling applies the module's changelog to the city's schema before the city is served with
 * it; disabling keeps the module's tables and data (a pilot stopped by its citizen panel may be
 * examined or exported later). Both are idempotent.
 */
@RestController
class ModuleSwitchController {

    private static final Set<TenantStatus> SWITCHABLE = Set.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED);

    private final TenantRegistry registry;
    private final TenantMigrations migrations;
    private final ServedTenants servedTenants;

    ModuleSwitchController(TenantRegistry registry, TenantMigrations migrations, ServedTenants servedTenants) {
        this.registry = registry;
        this.migrations = migrations;
        this.servedTenants = servedTenants;
    }

    @PutMapping("/platform/tenants/{slug}/modules/{module}")
    Tenant enable(@PathVariable String slug, @PathVariable String module) {
        Tenant tenant = switchable(slug);
        if (!migrations.knownModules().contains(module)) {
            throw new UnknownModuleException(Set.of(module), migrations.knownModules());
        }
        if (registry.enableModule(slug, module)) {
            MigrationState state =
                    migrations.migrate(tenant.id(), registry.get(slug).enabledModules());
            servedTenants.evict(slug);
            if (state.status() != MigrationState.Status.MIGRATED) {
                throw new TenantStateConflictException("The tables of module " + module + " could not be created for "
                        + slug + "; the city is refused until its schema is repaired");
            }
        }
        return registry.get(slug);
    }

    @DeleteMapping("/platform/tenants/{slug}/modules/{module}")
    Tenant disable(@PathVariable String slug, @PathVariable String module) {
        switchable(slug);
        if (registry.disableModule(slug, module)) {
            servedTenants.evict(slug);
        }
        return registry.get(slug);
    }

    private Tenant switchable(String slug) {
        Tenant tenant = registry.get(slug);
        if (!SWITCHABLE.contains(tenant.status())) {
            throw new TenantStateConflictException(
                    "City '" + slug + "' is " + tenant.status() + ": modules change once it is onboarded");
        }
        return tenant;
    }
}
