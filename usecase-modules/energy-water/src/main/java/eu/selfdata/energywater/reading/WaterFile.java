package eu.selfdata.energywater.reading;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a water operator's file held, once read.
 *
 * @param meter the meter's number, when the file names it
 * @param unit the unit the file gave its volumes in
 * @param rowsRead the rows of readings, repeats included
 * @param duplicatesSkipped rows that repeated the row before with the same volume
 */
public record WaterFile(
        Optional<String> meter,
        VolumeUnit unit,
        LocalDate firstDay,
        LocalDate lastDay,
        long rowsRead,
        long duplicatesSkipped) {}
