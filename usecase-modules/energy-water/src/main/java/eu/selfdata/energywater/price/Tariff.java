package eu.selfdata.energywater.price;

import eu.selfdata.energywater.reading.Fluid;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A price of a fluid from a date on, taxes included: per kWh (electricity, gas) or per m³ (water).
 *
 * @param subscriptionPerYear the yearly standing charge when known, shown beside the consumption's cost
 * @param shipped true for the platform's reference price, false for one the city admin set
 */
public record Tariff(
        Fluid fluid,
        LocalDate validFrom,
        BigDecimal pricePerUnit,
        BigDecimal subscriptionPerYear,
        String label,
        String source,
        boolean shipped) {}
