package eu.selfdata.energywater;

import eu.selfdata.energywater.reading.Fluid;

/** Consent purposes and personal-data categories of the energy-water module (ids as stored in receipts). */
public final class EnergyWaterPurposes {

    /** "Import my electricity meter's consumption": one purpose per kind of meter, so each can be withdrawn alone. */
    public static final String IMPORT_ELECTRICITY = "energy-water-electricity-import";

    public static final String IMPORT_GAS = "energy-water-gas-import";
    public static final String IMPORT_WATER = "energy-water-water-import";
    /** "Count my consumption, only in aggregate, in my city's indicators." */
    public static final String CITY_STATISTICS = "energy-water-city-statistics";

    public static final String CATEGORY_METERS = "energy-water-meters";
    public static final String CATEGORY_IMPORTS = "energy-water-imports";
    public static final String CATEGORY_DAILY = "energy-water-daily-consumption";
    public static final String CATEGORY_LOAD_CURVE = "energy-water-load-curve";
    public static final String CATEGORY_MAX_POWER = "energy-water-max-power";
    public static final String CATEGORY_WATER_THRESHOLD = "energy-water-water-threshold";
    public static final String CATEGORY_LEAK_ALERTS = "energy-water-leak-alerts";

    private EnergyWaterPurposes() {}

    /** The purpose a meter of this fluid imports under. */
    public static String importPurpose(Fluid fluid) {
        return switch (fluid) {
            case ELECTRICITY -> IMPORT_ELECTRICITY;
            case GAS -> IMPORT_GAS;
            case WATER -> IMPORT_WATER;
        };
    }
}
