package eu.selfdata.tenant.onboarding;

import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.tenancy.MigrationState;
import eu.selfdata.tenant.tenancy.TenantMigrations;
import org.springframework.stereotype.Component;

/** Creates the city schema and applies the tenant changelog (core + enabled modules). */
@Component
class SchemaStep implements OnboardingStep {

    private final TenantMigrations migrations;

    SchemaStep(TenantMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void execute(Tenant tenant) {
        MigrationState state = migrations.migrate(tenant.id(), tenant.enabledModules());
        if (state.status() != MigrationState.Status.MIGRATED) {
            throw new IllegalStateException(state.error());
        }
    }

    @Override
    public void compensate(Tenant tenant) {
        migrations.dropSchema(tenant.id());
    }
}
