package eu.selfdata.energywater.reading;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Rows of one value a day (daily energy, daily index, maximum power), dated by the day of their timestamp in
 * Europe/Paris; a repeated day is given once.
 */
final class DayRows implements EnedisRows {

    /** Where a day's value goes, in whole units of {@link EnedisData#unit()}. */
    interface DayValue {
        void accept(long line, LocalDate day, long value);
    }

    private final int shift;
    private final DayValue target;
    private final Readings<LocalDate> readings;

    DayRows(int shift, long maxRows, DayValue target) {
        this.shift = shift;
        this.target = target;
        this.readings = new Readings<>(maxRows);
    }

    @Override
    public void row(long line, String horodate, BigDecimal value) {
        LocalDate day = Horodates.day(line, horodate);
        long whole = Quantities.whole(line, value, shift);
        if (readings.isNew(line, day, whole, day)) {
            target.accept(line, day, whole);
        }
    }

    @Override
    public Readings<LocalDate> readings() {
        return readings;
    }
}
