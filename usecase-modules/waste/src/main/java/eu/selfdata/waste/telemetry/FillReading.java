package eu.selfdata.waste.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** A public bin's fill level (percent) and temperature at one moment: not personal data. */
public record FillReading(String binId, Instant measuredAt, int fillPercent, BigDecimal temperatureCelsius) {

    private static final Pattern BIN_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$");
    private static final BigDecimal MIN_TEMPERATURE = new BigDecimal("-50");
    private static final BigDecimal MAX_TEMPERATURE = new BigDecimal("150");

    public FillReading {
        if (binId == null || !BIN_ID.matcher(binId).matches()) {
            throw new IllegalArgumentException("bin id must be 1 to 64 letters, digits, '_', '.', ':' or '-'");
        }
        Objects.requireNonNull(measuredAt, "measuredAt");
        if (fillPercent < 0 || fillPercent > 100) {
            throw new IllegalArgumentException("fill level " + fillPercent + " is not between 0 and 100 %");
        }
        if (temperatureCelsius != null
                && (temperatureCelsius.compareTo(MIN_TEMPERATURE) < 0
                        || temperatureCelsius.compareTo(MAX_TEMPERATURE) > 0)) {
            throw new IllegalArgumentException("temperature " + temperatureCelsius + " °C is not plausible");
        }
    }
}
