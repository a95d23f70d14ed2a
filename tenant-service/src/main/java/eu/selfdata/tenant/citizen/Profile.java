package eu.selfdata.tenant.citizen;

import java.time.Instant;
import java.util.UUID;

/**
 * What a citizen tells the city about themselves; household size turns figures into per-person ones;
 * {@code optionalNotices} false turns off the mails that are not legally required.
 */
public record Profile(
        UUID id,
        String displayName,
        String language,
        Integer householdSize,
        boolean optionalNotices,
        Instant createdAt) {}
