package eu.selfdata.tenant.registry;

public enum TenantStatus {
    /** Onboarding saga running: not served. */
    PROVISIONING,
    ACTIVE,
    /** Served only with 423: data kept, nothing readable. */
    SUSPENDED,
    /** Schema exported then dropped. */
    OFFBOARDED,
    /** Onboarding failed and was compensated: nothing left but this registry row. */
    FAILED;

    public boolean served() {
        return this == ACTIVE;
    }
}
