package eu.selfdata.tenant.registry;

import eu.selfdata.tenant.tenancy.ClusterName;
import eu.selfdata.tenant.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A city as the registry knows it; {@code cluster} holds its schema, {@code moving} while a move to
 * another cluster runs (the city is then not served).
 */
public record Tenant(
        String slug,
        String displayName,
        int population,
        List<String> customDomains,
        Branding branding,
        Set<String> enabledModules,
        TenantStatus status,
        String adminEmail,
        String cluster,
        boolean moving,
        Instant createdAt,
        Instant updatedAt) {

    public TenantId id() {
        return TenantId.of(slug);
    }

    public ClusterName clusterName() {
        return new ClusterName(cluster);
    }
}
