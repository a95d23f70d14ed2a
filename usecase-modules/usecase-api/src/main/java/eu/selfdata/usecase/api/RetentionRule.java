package eu.selfdata.usecase.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How long one kind of stored data is kept, declared by a module ({@link UseCaseModule#retentionRules()}) or
 * by a host component (a bean). The core purges it once per replica set on a schedule, in every city, with
 * the city's period: the module's default, or shorter when the city admin chose so, never longer than the
 * maximum. Each purge is counted in the city's purge log and told to the citizens whose data it removed.
 *
 * @param id          stable id, the city admin's handle ({@code PUT /api/city/retention/{id}}), e.g. {@code raw-gps-points}
 * @param categoryId  the personal-data category it trims, named in the citizens' access log
 * @param purges      what goes, in words (shown to the city admin)
 * @param defaultDays kept this many days unless the city shortens it (0: removed at the next purge)
 * @param maximumDays the longest the city may set
 * @param tables      tables of the city schema the purge works on; the rule is skipped where one is missing
 *                    (a module never enabled there)
 * @param purge       removes, in the city in context, what is older than the cutoff
 */
public record RetentionRule(
        String id,
        String categoryId,
        LocalizedText purges,
        int defaultDays,
        int maximumDays,
        List<String> tables,
        Purge purge) {

    private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,59}$");

    public RetentionRule {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a retention rule id is lower case letters, digits and dashes: " + id);
        }
        if (defaultDays < 0 || maximumDays < defaultDays) {
            throw new IllegalArgumentException("retention " + id + ": 0 <= default days <= maximum days");
        }
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(purges, "purges");
        Objects.requireNonNull(purge, "purge");
        tables = List.copyOf(tables);
    }

    /** The shortest period a city may set: one day, or none when the module keeps nothing by default. */
    public int minimumDays() {
        return Math.min(1, defaultDays);
    }

    /**
     * A purge by one SQL statement: {@code delete ... where <older than :cutoff> returning citizen_id}. The rows
     * it returns are counted per citizen.
     */
    public static Purge deleting(CityDatabase database, String deleteReturningCitizenId) {
        String counted = "with gone as (" + deleteReturningCitizenId
                + ") select citizen_id, count(*) from gone group by citizen_id";
        return (now, cutoff) -> {
            Map<CitizenId, Long> perCitizen = new HashMap<>();
            database.jdbc().sql(counted).param("cutoff", Timestamp.from(cutoff)).query(rs -> {
                UUID citizen = rs.getObject(1, UUID.class);
                if (citizen != null) {
                    perCitizen.put(new CitizenId(citizen), rs.getLong(2));
                }
            });
            return new Purged(
                    perCitizen.values().stream().mapToLong(Long::longValue).sum(), perCitizen);
        };
    }

    /** Removes what the rule covers in the city in context (inside a transaction the core opens). */
    @FunctionalInterface
    public interface Purge {

        /**
         * @param now    the purge's instant (the core's clock)
         * @param cutoff {@code now} minus the city's period: what is older goes
         */
        Purged run(Instant now, Instant cutoff);
    }

    /**
     * What one purge removed.
     *
     * @param records    how many records (rows, files) went
     * @param perCitizen how many of them were about each citizen (records about no one are not in it)
     */
    public record Purged(long records, Map<CitizenId, Long> perCitizen) {

        public static final Purged NOTHING = new Purged(0, Map.of());

        public Purged {
            perCitizen = Map.copyOf(perCitizen);
        }

        /** Records about no one in particular (files, dead letters). */
        public static Purged of(long records) {
            return new Purged(records, Map.of());
        }
    }
}
