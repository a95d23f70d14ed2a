package eu.selfdata.tenant.backup;

import java.time.Instant;

/** An archive on the platform's disk, as the coordinator lists it. */
public record StoredArchive(
        String name, String city, ArchiveKind kind, Instant createdAt, Instant expiresAt, long bytes) {}
