package eu.selfdata.energywater.meter;

import eu.selfdata.energywater.reading.Fluid;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A meter the citizen linked, with what is stored for it.
 *
 * @param importActive false once the fluid's import consent was withdrawn: nothing more is imported, and what
 *     was imported stays until the citizen deletes it
 */
public record Meter(
        UUID id,
        Fluid fluid,
        String identifier,
        String label,
        boolean importActive,
        Instant linkedAt,
        long days,
        LocalDate firstDay,
        LocalDate lastDay) {}
