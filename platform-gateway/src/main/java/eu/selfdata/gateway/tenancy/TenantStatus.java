package eu.selfdata.gateway.tenancy;

/** Lifecycle states published by tenant-service; only ACTIVE cities are served. */
enum TenantStatus {
    PROVISIONING,
    ACTIVE,
    SUSPENDED,
    OFFBOARDED,
    FAILED
}
