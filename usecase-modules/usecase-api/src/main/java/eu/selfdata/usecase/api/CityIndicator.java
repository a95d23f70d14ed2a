package eu.selfdata.usecase.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A figure a city may see about its citizens, only in aggregate. The module gives the rows; the
 * core keeps only citizens who consented to {@code purposeId} and whose accounts count as persons
 * (verified, old enough), groups, suppresses every group with fewer participants than the city's k,
 * and publishes the other groups with noise and rounding ({@link NoiseBudget}).
 *
 * @param sql        a SELECT on the city schema returning columns {@code group_key} (text),
 *                   {@code citizen_id} (uuid) and {@code value} (numeric), one row per observation
 * @param categoryId the personal-data category read (recorded in each participant's access log)
 * @param noise      the indicator's privacy budget: values are assumed non-negative
 */
public record CityIndicator(
        String id,
        LocalizedText label,
        LocalizedText unit,
        String purposeId,
        String categoryId,
        String sql,
        Measure measure,
        NoiseBudget noise) {

    private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,59}$");

    public CityIndicator {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("indicator id must match " + ID + ": " + id);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(purposeId, "purposeId");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(noise, "noise");
    }

    /** How the values of a group become its figure. */
    public enum Measure {
        /** Sum of the values. */
        SUM,
        /** Sum of the values divided by the number of participants in the group. */
        MEAN_PER_PARTICIPANT,
        /** Number of participants (values ignored). */
        PARTICIPANTS
    }
}
