package eu.selfdata.energywater.consumption;

import eu.selfdata.energywater.reading.Fluid;
import java.time.LocalDate;
import java.util.List;

/**
 * A citizen's consumption over {@code from}–{@code to} at one granularity: per fluid, and all fluids together (their
 * cost, CO2e and energy; water's litres do not add to kWh), each period beside the same one a year before.
 */
public record ConsumptionReport(
        Granularity granularity, LocalDate from, LocalDate to, List<FluidSeries> fluids, Series allFluids) {

    /** A period: its first day, the amount (null without readings) and last year's (null without readings). */
    public record Period(LocalDate start, Amount amount, Amount lastYear) {}

    public record Series(List<Period> periods, Amount total, Amount lastYearTotal) {}

    public record FluidSeries(Fluid fluid, String unit, Series series) {}
}
