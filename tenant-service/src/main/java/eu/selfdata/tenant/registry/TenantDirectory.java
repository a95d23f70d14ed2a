package eu.selfdata.tenant.registry;

import eu.selfdata.contract.RateLimits;
import java.util.List;

/** What the gateway caches to resolve hosts: every city, its status, custom domains and rate limits. */
public record TenantDirectory(String version, List<Entry> tenants) {

    public record Entry(String slug, TenantStatus status, List<String> customDomains, RateLimits rateLimits) {}
}
