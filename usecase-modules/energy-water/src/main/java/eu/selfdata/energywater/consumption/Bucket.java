package eu.selfdata.energywater.consumption;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Sums of one period for one fluid, exact until read: whole Wh or litres, unrounded euros and kg CO2e. */
final class Bucket {

    private long units;
    private BigDecimal euros = BigDecimal.ZERO;
    private BigDecimal kgCo2e = BigDecimal.ZERO;
    private boolean unpriced;
    private boolean uncounted;
    private int days;

    void add(long dayUnits, BigDecimal dayEuros, BigDecimal dayKgCo2e) {
        units += dayUnits;
        days++;
        if (dayEuros == null) {
            unpriced = true;
        } else {
            euros = euros.add(dayEuros);
        }
        if (dayKgCo2e == null) {
            uncounted = true;
        } else {
            kgCo2e = kgCo2e.add(dayKgCo2e);
        }
    }

    /** Adds the next period of the same fluid. */
    void merge(Bucket other) {
        units += other.units;
        days += other.days;
        unpriced |= other.unpriced;
        uncounted |= other.uncounted;
        euros = euros.add(other.euros);
        kgCo2e = kgCo2e.add(other.kgCo2e);
    }

    /**
     * Adds another fluid's same period to an all-fluids one: its units only when they are energy (Wh add up, litres
     * do not), its CO2e only when the fluid has a factor (water has none: the total is of the fluids that have one).
     */
    void addFluid(Bucket other, boolean energy) {
        if (energy) {
            units += other.units;
        }
        days = Math.max(days, other.days);
        unpriced |= other.unpriced;
        euros = euros.add(other.euros);
        if (!other.uncounted) {
            kgCo2e = kgCo2e.add(other.kgCo2e);
        }
    }

    long units() {
        return units;
    }

    BigDecimal euros() {
        return unpriced ? null : euros.setScale(2, RoundingMode.HALF_UP);
    }

    BigDecimal kgCo2e() {
        return uncounted ? null : kgCo2e.setScale(3, RoundingMode.HALF_UP);
    }

    int days() {
        return days;
    }
}
