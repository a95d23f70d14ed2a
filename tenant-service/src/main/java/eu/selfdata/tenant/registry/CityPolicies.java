package eu.selfdata.tenant.registry;

import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a city decided about its citizens' data: its k for aggregates, how often its indicators are
 * published, how old an account must be to count towards k, and the charter it signed. Each bound
 * is also a check constraint of {@code platform.tenant}.
 */
@Component
public class CityPolicies {

    public static final int MIN_GROUP_SIZE_FLOOR = 5;
    /** Indicators are published at most daily and at least monthly. */
    public static final int MIN_PERIOD_DAYS = 1;

    public static final int MAX_PERIOD_DAYS = 31;
    /** A city may make the account age stricter than the default, never laxer. */
    public static final int MIN_ACCOUNT_AGE_FLOOR_DAYS = 7;

    public static final int MAX_ACCOUNT_AGE_DAYS = 90;

    private final JdbcClient jdbc;

    CityPolicies(DataSource dataSource, PlatformSchema migratedFirst) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public int minGroupSize(String slug) {
        return jdbc.sql("select min_group_size from platform.tenant where slug = ?")
                .param(slug)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new UnknownTenantException(slug));
    }

    /** @throws IllegalArgumentException below {@link #MIN_GROUP_SIZE_FLOOR} */
    public void setMinGroupSize(String slug, int k) {
        if (k < MIN_GROUP_SIZE_FLOOR) {
            throw new IllegalArgumentException(
                    "k is at least " + MIN_GROUP_SIZE_FLOOR + " so that no group points at a person");
        }
        if (jdbc.sql("update platform.tenant set min_group_size = ?, updated_at = now() where slug = ?")
                        .params(k, slug)
                        .update()
                == 0) {
            throw new UnknownTenantException(slug);
        }
    }

    public IndicatorPolicy indicatorPolicy(String slug) {
        return jdbc.sql("""
                        select min_group_size, indicator_period_days, min_account_age_days
                          from platform.tenant where slug = ?""")
                .param(slug)
                .query((rs, row) -> new IndicatorPolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .optional()
                .orElseThrow(() -> new UnknownTenantException(slug));
    }

    /** @throws IllegalArgumentException outside the bounds above */
    public void setIndicatorSchedule(String slug, int periodDays, int minAccountAgeDays) {
        if (periodDays < MIN_PERIOD_DAYS || periodDays > MAX_PERIOD_DAYS) {
            throw new IllegalArgumentException(
                    "the period is " + MIN_PERIOD_DAYS + " to " + MAX_PERIOD_DAYS + " days: " + periodDays);
        }
        if (minAccountAgeDays < MIN_ACCOUNT_AGE_FLOOR_DAYS || minAccountAgeDays > MAX_ACCOUNT_AGE_DAYS) {
            throw new IllegalArgumentException("the account age is " + MIN_ACCOUNT_AGE_FLOOR_DAYS + " to "
                    + MAX_ACCOUNT_AGE_DAYS + " days: " + minAccountAgeDays);
        }
        if (jdbc.sql("""
                                update platform.tenant set indicator_period_days = ?, min_account_age_days = ?, updated_at = now()
                                 where slug = ?""").params(periodDays, minAccountAgeDays, slug).update() == 0) {
            throw new UnknownTenantException(slug);
        }
    }

    /**
     * How a city's indicators are published.
     *
     * @param minGroupSize      k: groups with fewer eligible participants are suppressed
     * @param periodDays        at most one publication of an indicator per period, scheduled or on demand
     * @param minAccountAgeDays only verified accounts at least this old count as participants
     */
    public record IndicatorPolicy(int minGroupSize, int periodDays, int minAccountAgeDays) {

        public java.time.Duration period() {
            return java.time.Duration.ofDays(periodDays);
        }
    }

    public Optional<String> charterVersion(String slug) {
        return jdbc.sql("select charter_version from platform.tenant where slug = ?")
                .param(slug)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .orElseThrow(() -> new UnknownTenantException(slug));
    }

    public void setCharterVersion(String slug, String version) {
        if (jdbc.sql("update platform.tenant set charter_version = ?, updated_at = now() where slug = ?")
                        .params(version, slug)
                        .update()
                == 0) {
            throw new UnknownTenantException(slug);
        }
    }
}
