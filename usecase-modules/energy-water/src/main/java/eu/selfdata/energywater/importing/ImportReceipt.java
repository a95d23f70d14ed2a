package eu.selfdata.energywater.importing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What an import stored for a meter: days, load-curve steps and maximum-power days written (a day already stored
 * is replaced, not added), and the span of days it covered.
 */
public record ImportReceipt(
        long importId,
        UUID meterId,
        String format,
        int days,
        int curveSteps,
        int maxPowerDays,
        LocalDate firstDay,
        LocalDate lastDay) {}
