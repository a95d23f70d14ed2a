package eu.selfdata.energywater.price;

import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CommonProblems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The city's dated prices: the platform's shipped reference prices, overridden or extended by those its admin
 * sets (a city price on the same date replaces the shipped one). A day is priced by the latest price valid on it.
 */
public class Tariffs {

    static final BigDecimal MAX_PRICE = new BigDecimal("100");
    static final BigDecimal MAX_SUBSCRIPTION = new BigDecimal("10000");

    private final CityDatabase city;
    private final List<Tariff> shipped;

    public Tariffs(CityDatabase city, List<Tariff> shipped) {
        this.city = city;
        this.shipped = List.copyOf(shipped);
    }

    public static List<Tariff> shippedReference() {
        return ReferenceFile.read(
                "tariffs.csv",
                row -> new Tariff(
                        Fluid.valueOf(row.get("fluid")),
                        LocalDate.parse(row.get("valid_from")),
                        new BigDecimal(row.get("price_per_unit")),
                        row.get("subscription_per_year").isBlank()
                                ? null
                                : new BigDecimal(row.get("subscription_per_year")),
                        row.get("label"),
                        row.get("source"),
                        true));
    }

    /** Every price in force for the city, by fluid then date. */
    public List<Tariff> all() {
        Map<String, Tariff> byKey = new LinkedHashMap<>();
        shipped.forEach(tariff -> byKey.put(key(tariff), tariff));
        city.jdbc()
                .sql("select fluid, valid_from, price_per_unit, subscription_per_year, label, source from ew_tariff")
                .query((row, number) -> new Tariff(
                        Fluid.valueOf(row.getString("fluid")),
                        row.getObject("valid_from", LocalDate.class),
                        row.getBigDecimal("price_per_unit"),
                        row.getBigDecimal("subscription_per_year"),
                        row.getString("label"),
                        row.getString("source"),
                        false))
                .list()
                .forEach(tariff -> byKey.put(key(tariff), tariff));
        List<Tariff> all = new ArrayList<>(byKey.values());
        all.sort(Comparator.comparing(Tariff::fluid).thenComparing(Tariff::validFrom));
        return all;
    }

    /** The prices of the city now, to price many days without a query each. */
    public PriceBook book() {
        return new PriceBook(all());
    }

    /** Sets the city's price of a fluid from a date (replacing one set for that date). */
    public Tariff put(
            Fluid fluid, LocalDate validFrom, BigDecimal price, BigDecimal subscription, String label, String source) {
        requireWithin(price, MAX_PRICE, "price_per_unit");
        if (subscription != null) {
            requireWithin(subscription, MAX_SUBSCRIPTION, "subscription_per_year");
        }
        if (validFrom.isBefore(LocalDate.of(2000, 1, 1))
                || validFrom.isAfter(LocalDate.now().plusYears(2))) {
            throw CommonProblems.INVALID_REQUEST.exception("valid_from must be between 2000 and two years from now");
        }
        String text = bounded(label, 120, "label");
        String origin = bounded(source, 300, "source");
        city.jdbc()
                .sql("""
                        insert into ew_tariff (fluid, valid_from, price_per_unit, subscription_per_year, label, source)
                        values (:fluid, :from, :price, :subscription, :label, :source)
                        on conflict (fluid, valid_from) do update set price_per_unit = excluded.price_per_unit,
                            subscription_per_year = excluded.subscription_per_year, label = excluded.label,
                            source = excluded.source""")
                .param("fluid", fluid.name())
                .param("from", validFrom)
                .param("price", price)
                .param("subscription", subscription)
                .param("label", text)
                .param("source", origin)
                .update();
        return new Tariff(fluid, validFrom, price, subscription, text, origin, false);
    }

    /** Removes the city's own price for that date (a shipped price, if any, applies again). */
    public boolean remove(Fluid fluid, LocalDate validFrom) {
        return city.jdbc()
                        .sql("delete from ew_tariff where fluid = :fluid and valid_from = :from")
                        .param("fluid", fluid.name())
                        .param("from", validFrom)
                        .update()
                > 0;
    }

    private static void requireWithin(BigDecimal value, BigDecimal max, String name) {
        if (value == null || value.signum() < 0 || value.compareTo(max) > 0 || value.scale() > 5) {
            throw CommonProblems.INVALID_REQUEST.exception(
                    name + " must be between 0 and " + max + " with at most 5 decimals");
        }
    }

    private static String bounded(String text, int max, String name) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw CommonProblems.INVALID_REQUEST.exception(name + " is required, at most " + max + " characters");
        }
        return text.strip();
    }

    private static String key(Tariff tariff) {
        return tariff.fluid() + "/" + tariff.validFrom();
    }

    /** A snapshot of the city's prices. */
    public record PriceBook(List<Tariff> tariffs) {

        public Optional<Tariff> on(Fluid fluid, LocalDate day) {
            return Dated.on(
                    tariffs.stream().filter(tariff -> tariff.fluid() == fluid).toList(), Tariff::validFrom, day);
        }
    }
}
