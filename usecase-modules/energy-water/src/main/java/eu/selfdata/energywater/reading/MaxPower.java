package eu.selfdata.energywater.reading;

import java.time.LocalDate;

/** The highest apparent power the meter saw on a day, in VA. */
public record MaxPower(LocalDate day, int voltAmperes) {

    public MaxPower {
        if (voltAmperes < 0) {
            throw new IllegalArgumentException("power cannot be negative: " + voltAmperes);
        }
    }
}
