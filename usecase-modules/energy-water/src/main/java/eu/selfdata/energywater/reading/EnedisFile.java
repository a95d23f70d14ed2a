package eu.selfdata.energywater.reading;

import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * What an Enedis export held, once read.
 *
 * @param unit the unit the file gave its values in (e.g. kWh), before they were turned into {@link EnedisData#unit()}
 * @param stepMinutes the load curve's step; empty for the other kinds
 * @param firstDay the first day a reading belongs to (a curve step belongs to the day it starts in)
 * @param rowsRead the rows of readings, repeats included
 * @param duplicatesSkipped rows that repeated the row before with the same value
 * @param incompleteDays days of a load curve that lack steps: their points were given, but no daily total
 */
public record EnedisFile(
        String prm,
        EnedisData data,
        String unit,
        OptionalInt stepMinutes,
        LocalDate firstDay,
        LocalDate lastDay,
        long rowsRead,
        long duplicatesSkipped,
        int incompleteDays) {}
