package eu.selfdata.gateway.tenancy;

/** A city as the gateway knows it from the tenant directory. */
record Tenant(String slug, TenantStatus status) {
}
