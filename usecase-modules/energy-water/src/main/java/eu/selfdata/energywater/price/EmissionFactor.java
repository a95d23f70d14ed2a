package eu.selfdata.energywater.price;

import eu.selfdata.energywater.reading.Fluid;
import java.math.BigDecimal;
import java.time.LocalDate;

/** kg CO2e per kWh (electricity, gas in kWh PCS) or per m³ (water) from a date on, with its source. */
public record EmissionFactor(Fluid fluid, LocalDate validFrom, BigDecimal kgCo2ePerUnit, String unit, String source) {}
