package eu.selfdata.tenant.registry;

import java.util.List;

/** What the gateway caches to resolve hosts: every city, its status and custom domains. */
public record TenantDirectory(String version, List<Entry> tenants) {

    public record Entry(String slug, TenantStatus status, List<String> customDomains) {
    }
}
