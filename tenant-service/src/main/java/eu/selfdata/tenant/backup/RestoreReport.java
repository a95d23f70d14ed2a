package eu.selfdata.tenant.backup;

import java.time.Instant;
import java.util.Map;

/**
 * What a restore put back.
 *
 * @param members citizens whose identity-server account now belongs to the restored city
 */
public record RestoreReport(
        String city, String archivedCity, Instant archivedAt, Map<String, Long> tables, int files, int members) {}
