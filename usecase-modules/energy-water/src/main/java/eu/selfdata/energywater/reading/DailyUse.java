package eu.selfdata.energywater.reading;

import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * One day's use of a meter, in whole units so that sums are exact: energy in Wh (electricity, gas) and
 * volume in litres (gas, water); either is absent when the source does not give it.
 *
 * @param day the local day (Europe/Paris) the use belongs to
 */
public record DailyUse(LocalDate day, OptionalLong wattHours, OptionalLong litres) {

    public DailyUse {
        wattHours.ifPresent(value -> requireNotNegative(value, "energy"));
        litres.ifPresent(value -> requireNotNegative(value, "volume"));
    }

    public static DailyUse energy(LocalDate day, long wattHours) {
        return new DailyUse(day, OptionalLong.of(wattHours), OptionalLong.empty());
    }

    public static DailyUse volume(LocalDate day, long litres) {
        return new DailyUse(day, OptionalLong.empty(), OptionalLong.of(litres));
    }

    private static void requireNotNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " cannot be negative: " + value);
        }
    }
}
