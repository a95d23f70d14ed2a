package eu.selfdata.tenant.backup;

import java.time.Instant;
import java.util.Map;

/**
 * The first entry of a city archive: what it holds, so a restore can refuse a foreign or newer
 * format before touching anything and check afterwards that every row arrived.
 *
 * @param tables rows per table of the city schema, in the order they are written (parents first)
 * @param files  files of the city's connector folders, by path below that folder
 */
public record ArchiveManifest(
        String format,
        int version,
        String city,
        ArchiveKind kind,
        Instant createdAt,
        Map<String, Long> tables,
        int files) {

    static final String FORMAT = "selfdata-city-archive";
    static final int VERSION = 1;
}
