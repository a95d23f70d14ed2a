package eu.selfdata.energywater.reading;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

/** GRDF's informative days as they are read, whichever the shape: checked, counted and given to the sink. */
final class InformativeDays {

    private final ReadingSink sink;
    private final Readings<LocalDate> readings;
    private Optional<String> pce = Optional.empty();
    private long daysWithoutData;

    InformativeDays(long maxRows, ReadingSink sink) {
        this.sink = sink;
        this.readings = new Readings<>(maxRows);
    }

    /** Counts a row against the cap before it is read. */
    void count(long line) {
        readings.count(line);
    }

    void accept(InformativeDay row) {
        if (row.pce().isPresent()) {
            if (pce.isPresent() && !pce.equals(row.pce())) {
                throw new BadReadingFile(row.line(), "the rows are for more than one meter (PCE)");
            }
            pce = row.pce();
        }
        Optional<DailyUse> use = row.use();
        if (readings.isNew(row.line(), row.start(), figures(use), row.start())) {
            use.ifPresentOrElse(sink::daily, () -> daysWithoutData++);
        }
    }

    /** The day's figures as a second row for the day is compared with them, and a refusal quotes them. */
    private static String figures(Optional<DailyUse> use) {
        if (use.isEmpty()) {
            return "no figures";
        }
        OptionalLong wattHours = use.get().wattHours();
        OptionalLong litres = use.get().litres();
        return (wattHours.isPresent() ? wattHours.getAsLong() + " Wh" : "no energy") + " and "
                + (litres.isPresent() ? litres.getAsLong() + " L" : "no volume");
    }

    GrdfFile summary(GrdfInformative.Format format) {
        readings.requireSome();
        return new GrdfFile(
                pce,
                format,
                readings.firstDay(),
                readings.lastDay(),
                readings.rows(),
                readings.duplicates(),
                daysWithoutData);
    }
}
