package eu.selfdata.tenant.tenancy;

import java.time.Instant;

/** Where a city schema stands against the target changelog version on this instance. */
public record MigrationState(Status status, String version, String error, Instant at) {

    public enum Status {
        MIGRATING,
        MIGRATED,
        FAILED
    }

    static MigrationState migrating() {
        return new MigrationState(Status.MIGRATING, null, null, Instant.now());
    }

    static MigrationState migrated(String version) {
        return new MigrationState(Status.MIGRATED, version, null, Instant.now());
    }

    static MigrationState failed(String error) {
        return new MigrationState(Status.FAILED, null, error, Instant.now());
    }
}
