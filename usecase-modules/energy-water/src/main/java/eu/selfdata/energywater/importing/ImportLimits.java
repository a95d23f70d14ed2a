package eu.selfdata.energywater.importing;

/**
 * What one import may hold: {@code maxBytes} read from the body (three years of 10-minute load curve is about
 * 5 MB) and {@code maxRows} rows.
 */
public record ImportLimits(long maxBytes, long maxRows) {

    public ImportLimits {
        if (maxBytes < 1 || maxRows < 1) {
            throw new IllegalArgumentException("import limits must be positive");
        }
    }
}
