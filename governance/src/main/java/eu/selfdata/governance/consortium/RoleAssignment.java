package eu.selfdata.governance.consortium;

import java.time.Instant;
import java.util.UUID;

/** A partner holding a role from {@code startedAt} until {@code endedAt} (null: still holds it). */
public record RoleAssignment(long id, UUID partnerId, ConsortiumRole role, Instant startedAt, Instant endedAt) {}
