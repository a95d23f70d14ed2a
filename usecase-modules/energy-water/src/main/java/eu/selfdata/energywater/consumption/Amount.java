package eu.selfdata.energywater.consumption;

import java.math.BigDecimal;

/**
 * What was used over a period: {@code quantity} in {@code unit} (kWh for electricity and gas, litres for water),
 * its cost in euros and its kg CO2e, each null when no price or factor covers it, and the days with readings.
 */
public record Amount(BigDecimal quantity, String unit, BigDecimal euros, BigDecimal kgCo2e, int days) {}
