package eu.selfdata.tenant.retention;

import java.time.Instant;

/**
 * One retention rule as the city admin sees it.
 *
 * @param rule      the rule's id ({@code PUT /api/city/retention/{rule}})
 * @param days      the city's period: what is older goes at the next purge
 * @param lastPurge the last purge that removed something, null when none did
 */
record RetentionView(
        String rule,
        String category,
        String purges,
        int days,
        int defaultDays,
        int minimumDays,
        int maximumDays,
        LastPurge lastPurge) {

    /** What the last purge removed: counts, never who. */
    record LastPurge(Instant ranAt, Instant cutoff, long records, int citizens) {}

    /** One entry of the city's purge log. */
    record Purge(String rule, String category, Instant ranAt, Instant cutoff, long records, int citizens) {}
}
