package eu.selfdata.energywater.reading;

import java.time.LocalDate;

/**
 * Daily indexes into daily use: a day's use is the next day's index less its own. Where a day is missing, the use of
 * the days around it is unknown one by one, so none is given; an index that goes down means the meter was reset or
 * replaced.
 */
final class IndexDifferences implements DayRows.DayValue {

    private final ReadingSink sink;
    private LocalDate previousDay;
    private long previousIndex;

    IndexDifferences(ReadingSink sink) {
        this.sink = sink;
    }

    @Override
    public void accept(long line, LocalDate day, long index) {
        if (previousDay != null) {
            boolean forward = day.isAfter(previousDay);
            LocalDate earlier = forward ? previousDay : day;
            long earlierIndex = forward ? previousIndex : index;
            long laterIndex = forward ? index : previousIndex;
            if (laterIndex < earlierIndex) {
                throw new BadReadingFile(
                        line,
                        "the index goes down from " + earlierIndex + " Wh to " + laterIndex + " Wh after " + earlier
                                + ": was the meter reset or replaced?");
            }
            if (earlier.plusDays(1).equals(forward ? day : previousDay)) {
                sink.daily(DailyUse.energy(earlier, laterIndex - earlierIndex));
            }
        }
        previousDay = day;
        previousIndex = index;
    }
}
