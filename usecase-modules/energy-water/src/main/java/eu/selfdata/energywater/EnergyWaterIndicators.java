package eu.selfdata.energywater;

import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.NoiseBudget;
import java.util.List;

/**
 * What the city sees of its households' consumption, only through the core's aggregates (consent, k, and noise
 * within each indicator's budget: ε = 1; a household adds at most the cap to a group, set above what a large
 * all-electric house uses in a winter month).
 */
public final class EnergyWaterIndicators {

    /** kWh per participating household and month, electricity and gas apart. */
    public static final CityIndicator ENERGY_PER_HOUSEHOLD_MONTH = new CityIndicator(
            "energy-water-kwh-per-household-month",
            new LocalizedText(
                    "kWh par foyer participant et par mois (électricité, gaz)",
                    "kWh per participating household per month (electricity, gas)"),
            new LocalizedText("kWh", "kWh"),
            EnergyWaterPurposes.CITY_STATISTICS,
            EnergyWaterPurposes.CATEGORY_DAILY,
            """
            select to_char(d.day, 'YYYY-MM') || ' ' || lower(m.fluid) as group_key,
                   d.citizen_id, d.watt_hours / 1000.0 as value
              from ew_daily d join ew_meter m on m.id = d.meter_id
             where m.fluid in ('ELECTRICITY', 'GAS') and d.watt_hours is not null""",
            CityIndicator.Measure.MEAN_PER_PARTICIPANT,
            new NoiseBudget(1, 2500));

    /** Litres of water per participating household and month. */
    public static final CityIndicator WATER_PER_HOUSEHOLD_MONTH = new CityIndicator(
            "energy-water-litres-per-household-month",
            new LocalizedText(
                    "Litres d'eau par foyer participant et par mois",
                    "Litres of water per participating household per month"),
            new LocalizedText("L", "L"),
            EnergyWaterPurposes.CITY_STATISTICS,
            EnergyWaterPurposes.CATEGORY_DAILY,
            """
            select to_char(d.day, 'YYYY-MM') as group_key, d.citizen_id, d.litres as value
              from ew_daily d join ew_meter m on m.id = d.meter_id
             where m.fluid = 'WATER' and d.litres is not null""",
            CityIndicator.Measure.MEAN_PER_PARTICIPANT,
            new NoiseBudget(1, 20_000));

    public static final List<CityIndicator> ALL = List.of(ENERGY_PER_HOUSEHOLD_MONTH, WATER_PER_HOUSEHOLD_MONTH);

    private EnergyWaterIndicators() {}
}
