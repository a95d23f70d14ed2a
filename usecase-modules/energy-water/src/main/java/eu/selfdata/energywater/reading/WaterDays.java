package eu.selfdata.energywater.reading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** A water file's days as they are read, whichever the shape: converted to litres, counted, given to the sink. */
final class WaterDays {

    private final ReadingSink sink;
    private final Readings<LocalDate> readings;
    private VolumeUnit unit;

    WaterDays(long maxRows, ReadingSink sink) {
        this.sink = sink;
        this.readings = new Readings<>(maxRows);
    }

    void unit(VolumeUnit unit) {
        this.unit = unit;
    }

    boolean hasUnit() {
        return unit != null;
    }

    /** Counts a row against the cap before it is read. */
    void count(long line) {
        readings.count(line);
    }

    void accept(long line, LocalDate day, BigDecimal volume) {
        long litres = Quantities.whole(line, volume, unit.shift());
        if (readings.isNew(line, day, litres, day)) {
            sink.daily(DailyUse.volume(day, litres));
        }
    }

    WaterFile summary(Optional<String> meter) {
        if (unit == null) {
            throw new BadReadingFile(0, "the file does not say its unit (litres or m3)");
        }
        readings.requireSome();
        return new WaterFile(
                meter, unit, readings.firstDay(), readings.lastDay(), readings.rows(), readings.duplicates());
    }
}
