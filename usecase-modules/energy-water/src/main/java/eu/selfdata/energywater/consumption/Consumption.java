package eu.selfdata.energywater.consumption;

import eu.selfdata.energywater.consumption.ConsumptionReport.FluidSeries;
import eu.selfdata.energywater.consumption.ConsumptionReport.Period;
import eu.selfdata.energywater.consumption.ConsumptionReport.Series;
import eu.selfdata.energywater.price.EmissionFactor;
import eu.selfdata.energywater.price.EmissionFactors;
import eu.selfdata.energywater.price.Tariff;
import eu.selfdata.energywater.price.Tariffs;
import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CommonProblems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A citizen's consumption per day, week, month or year, per fluid and for all fluids together, priced with the
 * city's dated tariffs and counted with the dated emission factors, each period beside the same one a year before.
 * Every fluid is priced per thousand of its stored unit: kWh from Wh (electricity, gas) and m³ from litres (water).
 */
public class Consumption {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final Set<Fluid> ENERGY = Set.of(Fluid.ELECTRICITY, Fluid.GAS);

    private final CityDatabase city;
    private final Tariffs tariffs;
    private final EmissionFactors factors;

    public Consumption(CityDatabase city, Tariffs tariffs, EmissionFactors factors) {
        this.city = city;
        this.tariffs = tariffs;
        this.factors = factors;
    }

    public ConsumptionReport report(
            CitizenId citizen, Granularity granularity, LocalDate from, LocalDate to, List<Fluid> fluids) {
        if (from.isAfter(to)) {
            throw CommonProblems.INVALID_REQUEST.exception("from must not be after to");
        }
        LocalDate start = granularity.bucket(from);
        if (countBuckets(granularity, start, to) > granularity.maxBuckets()) {
            throw CommonProblems.INVALID_REQUEST.exception(
                    "at most " + granularity.maxBuckets() + " periods at a " + granularity + " granularity");
        }
        Tariffs.PriceBook prices = tariffs.book();
        Map<Fluid, Map<LocalDate, Bucket>> current = buckets(citizen, granularity, start, to, prices);
        Map<Fluid, Map<LocalDate, Bucket>> before =
                buckets(citizen, granularity, granularity.yearBefore(start), granularity.yearBefore(to), prices);

        List<FluidSeries> series = new ArrayList<>();
        Map<LocalDate, Bucket> allNow = new HashMap<>();
        Map<LocalDate, Bucket> allBefore = new HashMap<>();
        for (Fluid fluid : fluids) {
            Map<LocalDate, Bucket> now = current.getOrDefault(fluid, Map.of());
            Map<LocalDate, Bucket> then = before.getOrDefault(fluid, Map.of());
            series.add(new FluidSeries(fluid, unit(fluid), series(granularity, start, to, now, then, fluid)));
            addAll(allNow, now, fluid);
            addAll(allBefore, then, fluid);
        }
        return new ConsumptionReport(
                granularity, from, to, series, series(granularity, start, to, allNow, allBefore, null));
    }

    /** Counts up to one past the maximum, so that a span of centuries costs nothing. */
    private static long countBuckets(Granularity granularity, LocalDate start, LocalDate to) {
        long count = 0;
        for (LocalDate bucket = start; !bucket.isAfter(to); bucket = granularity.next(bucket)) {
            count++;
            if (count > granularity.maxBuckets()) {
                break;
            }
        }
        return count;
    }

    private Map<Fluid, Map<LocalDate, Bucket>> buckets(
            CitizenId citizen, Granularity granularity, LocalDate from, LocalDate to, Tariffs.PriceBook prices) {
        Map<Fluid, Map<LocalDate, Bucket>> buckets = new EnumMap<>(Fluid.class);
        city.jdbc()
                .sql("""
                        select m.fluid, d.day, sum(d.watt_hours) as wh, sum(d.litres) as l
                          from ew_daily d join ew_meter m on m.id = d.meter_id
                         where d.citizen_id = :citizen and d.day between :from and :to
                         group by m.fluid, d.day""")
                .param("citizen", citizen.value())
                .param("from", from)
                .param("to", to)
                .query(row -> {
                    Fluid fluid = Fluid.valueOf(row.getString("fluid"));
                    LocalDate day = row.getObject("day", LocalDate.class);
                    long units = row.getLong(ENERGY.contains(fluid) ? "wh" : "l");
                    if (row.wasNull()) {
                        return;
                    }
                    BigDecimal thousands = BigDecimal.valueOf(units).divide(THOUSAND);
                    BigDecimal euros = prices.on(fluid, day)
                            .map(Tariff::pricePerUnit)
                            .map(thousands::multiply)
                            .orElse(null);
                    BigDecimal kg = factors.on(fluid, day)
                            .map(EmissionFactor::kgCo2ePerUnit)
                            .map(thousands::multiply)
                            .orElse(null);
                    buckets.computeIfAbsent(fluid, f -> new HashMap<>())
                            .computeIfAbsent(granularity.bucket(day), b -> new Bucket())
                            .add(units, euros, kg);
                });
        return buckets;
    }

    /** Every fluid's cost and CO2e add up; only energies add to the kWh (water has no CO2e factor and no kWh). */
    private static void addAll(Map<LocalDate, Bucket> all, Map<LocalDate, Bucket> fluid, Fluid which) {
        fluid.forEach((start, bucket) ->
                all.computeIfAbsent(start, s -> new Bucket()).addFluid(bucket, ENERGY.contains(which)));
    }

    private static Series series(
            Granularity granularity,
            LocalDate start,
            LocalDate to,
            Map<LocalDate, Bucket> now,
            Map<LocalDate, Bucket> then,
            Fluid fluid) {
        List<Period> periods = new ArrayList<>();
        Bucket total = new Bucket();
        Bucket lastYearTotal = new Bucket();
        for (LocalDate bucket = start; !bucket.isAfter(to); bucket = granularity.next(bucket)) {
            Bucket current = now.get(bucket);
            Bucket before = then.get(granularity.yearBefore(bucket));
            periods.add(new Period(bucket, amount(current, fluid), amount(before, fluid)));
            if (current != null) {
                total.merge(current);
            }
            if (before != null) {
                lastYearTotal.merge(before);
            }
        }
        return new Series(periods, amount(total, fluid), amount(lastYearTotal, fluid));
    }

    private static Amount amount(Bucket bucket, Fluid fluid) {
        if (bucket == null || bucket.days() == 0) {
            return null;
        }
        BigDecimal quantity = fluid == Fluid.WATER
                ? BigDecimal.valueOf(bucket.units())
                : BigDecimal.valueOf(bucket.units()).divide(THOUSAND).setScale(3, RoundingMode.HALF_UP);
        return new Amount(quantity, unit(fluid), bucket.euros(), bucket.kgCo2e(), bucket.days());
    }

    /** kWh for the energies and for all fluids together, litres for water. */
    private static String unit(Fluid fluid) {
        return fluid == Fluid.WATER ? "L" : "kWh";
    }
}
