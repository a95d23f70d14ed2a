package eu.selfdata.energywater.reading;

import java.time.Instant;

/**
 * One step of an electricity load curve: the average power over the interval that ends at {@code end}
 * (Enedis marks the end of each interval), lasting {@code stepMinutes}.
 */
public record CurvePoint(Instant end, int stepMinutes, int averageWatts) {

    public CurvePoint {
        if (stepMinutes < 1 || stepMinutes > 60) {
            throw new IllegalArgumentException("step must be 1 to 60 minutes: " + stepMinutes);
        }
        if (averageWatts < 0) {
            throw new IllegalArgumentException("power cannot be negative: " + averageWatts);
        }
    }

    public Instant start() {
        return end.minusSeconds(60L * stepMinutes);
    }

    /** The energy of the interval in watt-minutes (Wh × 60): exact for every step, so a day's total is summed in it. */
    public long wattMinutes() {
        return (long) averageWatts * stepMinutes;
    }
}
