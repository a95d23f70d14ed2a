package eu.selfdata.energywater.consumption;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The time scales a citizen sees their consumption at; each knows its bucket and what "last year" means for it. */
public enum Granularity {
    DAY(366),
    /** ISO weeks, from Monday. */
    WEEK(5 * 53),
    MONTH(10 * 12),
    YEAR(10);

    /** The most buckets one answer holds. */
    private final int maxBuckets;

    Granularity(int maxBuckets) {
        this.maxBuckets = maxBuckets;
    }

    public LocalDate bucket(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The same bucket a year before: 52 weeks back for a week, so that Mondays meet Mondays. */
    public LocalDate yearBefore(LocalDate day) {
        return this == WEEK ? day.minusWeeks(52) : day.minusYears(1);
    }

    /** The default span ending on {@code to}. */
    public LocalDate defaultFrom(LocalDate to) {
        return switch (this) {
            case DAY -> to.minusDays(29);
            case WEEK -> bucket(to).minusWeeks(11);
            case MONTH -> to.withDayOfMonth(1).minusMonths(11);
            case YEAR -> to.withDayOfYear(1).minusYears(4);
        };
    }

    public LocalDate next(LocalDate bucket) {
        return switch (this) {
            case DAY -> bucket.plusDays(1);
            case WEEK -> bucket.plusWeeks(1);
            case MONTH -> bucket.plusMonths(1);
            case YEAR -> bucket.plusYears(1);
        };
    }

    public int maxBuckets() {
        return maxBuckets;
    }
}
