package eu.selfdata.tenant.tenancy;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * "tenantSchemas" in actuator health: DEGRADED (still HTTP 200: other cities are served) naming
 * every city whose schema did not reach the target version.
 */
@Component("tenantSchemas")
class TenantMigrationHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "some city schemas did not reach the target version");
    private final TenantMigrations migrations;

    TenantMigrationHealthIndicator(TenantMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public Health health() {
        Map<String, String> failed = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        migrations.states().forEach((tenant, state) -> {
            counts.merge(state.status().name(), 1L, Long::sum);
            if (state.status() == MigrationState.Status.FAILED) {
                failed.put(tenant.slug(), state.error());
            }
        });
        Health.Builder builder = failed.isEmpty() ? Health.up() : Health.status(DEGRADED);
        return builder.withDetail("counts", counts).withDetail("failed", failed).build();
    }
}
