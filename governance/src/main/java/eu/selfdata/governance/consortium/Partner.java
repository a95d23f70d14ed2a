package eu.selfdata.governance.consortium;

import java.time.Instant;
import java.util.UUID;

/**
 * A member of the consortium. A city partner mirrors a tenant ({@code citySlug}, population from the
 * registry); {@code memberSince}/{@code memberUntil} are its current or last membership period.
 */
public record Partner(
        UUID id,
        PartnerKind kind,
        String name,
        String citySlug,
        Integer population,
        Instant memberSince,
        Instant memberUntil) {

    public boolean isCity() {
        return kind == PartnerKind.CITY;
    }

    public boolean isMember() {
        return memberSince != null && memberUntil == null;
    }
}
