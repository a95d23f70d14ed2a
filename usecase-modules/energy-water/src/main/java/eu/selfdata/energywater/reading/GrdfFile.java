package eu.selfdata.energywater.reading;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a file of GRDF's informative data held, once read.
 *
 * @param pce the meter's PCE, when the file names it
 * @param rowsRead the rows of readings, repeats and days without data included
 * @param duplicatesSkipped rows that repeated the row before with the same figures
 * @param daysWithoutData days GRDF gave no volume nor energy for: skipped
 */
public record GrdfFile(
        Optional<String> pce,
        GrdfInformative.Format format,
        LocalDate firstDay,
        LocalDate lastDay,
        long rowsRead,
        long duplicatesSkipped,
        long daysWithoutData) {}
