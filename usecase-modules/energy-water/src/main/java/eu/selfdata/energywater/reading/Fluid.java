package eu.selfdata.energywater.reading;

/** What a household meter measures. */
public enum Fluid {
    /** Linky: energy in Wh, a load curve in average W. */
    ELECTRICITY,
    /** Gazpar: volume in litres (m³ × 1000) and energy in Wh (volume × conversion coefficient). */
    GAS,
    /** Téléo and other water meters: volume in litres. */
    WATER
}
