package eu.selfdata.energywater.reading;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Load-curve rows: each becomes a {@link CurvePoint}, and the points of a day add up to its energy. A step belongs to
 * the day it starts in (the point ending at 00:00 closes the day before); a day lacking steps gets no total, as it
 * would understate the day.
 */
final class CurveRows implements EnedisRows {

    private final int stepMinutes;
    private final int shift;
    private final ReadingSink sink;
    private final Readings<Instant> readings;
    private Instant previousEnd;
    private LocalDate day;
    private long dayWattMinutes;
    private long daySteps;
    private int incompleteDays;

    CurveRows(int stepMinutes, int shift, long maxRows, ReadingSink sink) {
        this.stepMinutes = stepMinutes;
        this.shift = shift;
        this.sink = sink;
        this.readings = new Readings<>(maxRows);
    }

    @Override
    public void row(long line, String horodate, BigDecimal value) {
        Instant end = Horodates.instant(line, horodate, previousEnd);
        // French offsets are whole hours, so a step's end falls on a multiple of the step in UTC too
        if (end.getEpochSecond() % (60L * stepMinutes) != 0) {
            throw new BadReadingFile(line, horodate + " does not end a " + stepMinutes + "-minute step");
        }
        previousEnd = end;
        CurvePoint point =
                new CurvePoint(end, stepMinutes, Quantities.toInt(line, Quantities.whole(line, value, shift)));
        LocalDate startDay = point.start().atZone(Horodates.PARIS).toLocalDate();
        if (!readings.isNew(line, end, point.averageWatts(), startDay)) {
            return;
        }
        sink.curve(point);
        if (!startDay.equals(day)) {
            closeDay();
            day = startDay;
        }
        dayWattMinutes += point.wattMinutes();
        daySteps++;
    }

    @Override
    public void end() {
        closeDay();
    }

    private void closeDay() {
        if (day == null) {
            return;
        }
        if (daySteps * stepMinutes == minutesIn(day)) {
            // watt-minutes to Wh, half-up
            sink.daily(DailyUse.energy(day, (dayWattMinutes + 30) / 60));
        } else {
            incompleteDays++;
        }
        dayWattMinutes = 0;
        daySteps = 0;
    }

    /** 1,380 on the spring day, 1,500 on the autumn one, 1,440 otherwise. */
    private static long minutesIn(LocalDate day) {
        return Duration.between(
                        day.atStartOfDay(Horodates.PARIS), day.plusDays(1).atStartOfDay(Horodates.PARIS))
                .toMinutes();
    }

    @Override
    public Readings<Instant> readings() {
        return readings;
    }

    @Override
    public int incompleteDays() {
        return incompleteDays;
    }
}
