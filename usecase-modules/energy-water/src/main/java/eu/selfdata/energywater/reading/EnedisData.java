package eu.selfdata.energywater.reading;

import java.util.Optional;

/** What an Enedis export holds, as its "Type de donnees" says. */
public enum EnedisData {
    /** Average power over each step, in W, dated by the step's end. */
    LOAD_CURVE("W"),
    /** Energy of each day, in Wh. */
    DAILY_ENERGY("Wh"),
    /** The meter's cumulative index at each day, in Wh. */
    DAILY_INDEX("Wh"),
    /** Highest apparent power of each day, in VA, dated by when it was reached. */
    MAX_POWER("VA");

    private final String unit;

    EnedisData(String unit) {
        this.unit = unit;
    }

    /** The unit the readings are kept in; a file may give them in thousands of it (kW, kWh, kVA). */
    public String unit() {
        return unit;
    }

    /** Read liberally: Enedis has named each kind several ways ("Consommation journalière", "Energie quotidienne"…). */
    static Optional<EnedisData> of(String type) {
        String label = Labels.normalize(type);
        if (label.contains("courbe")) {
            return Optional.of(LOAD_CURVE);
        }
        if (label.contains("index")) {
            return Optional.of(DAILY_INDEX);
        }
        if (label.contains("puissance")) {
            return Optional.of(MAX_POWER);
        }
        if (label.contains("journ") || label.contains("quotid")) {
            return Optional.of(DAILY_ENERGY);
        }
        return Optional.empty();
    }

    /** The power of ten between the file's unit and {@link #unit()}: 0 for W, 3 for kW. */
    int shift(long line, String fileUnit) {
        String label = Labels.normalize(fileUnit);
        if (label.equals(Labels.normalize(unit))) {
            return 0;
        }
        if (label.equals(Labels.normalize("k" + unit))) {
            return 3;
        }
        throw new BadReadingFile(
                line, "unit '" + Quantities.shortened(fileUnit) + "': expected " + unit + " or k" + unit);
    }
}
