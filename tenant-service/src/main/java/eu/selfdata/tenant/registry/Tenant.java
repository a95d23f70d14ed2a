package eu.selfdata.tenant.registry;

import eu.selfdata.tenant.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A city as the registry knows it. */
public record Tenant(
        String slug,
        String displayName,
        int population,
        List<String> customDomains,
        Branding branding,
        Set<String> enabledModules,
        TenantStatus status,
        String adminEmail,
        Instant createdAt,
        Instant updatedAt) {

    public TenantId id() {
        return TenantId.of(slug);
    }
}
