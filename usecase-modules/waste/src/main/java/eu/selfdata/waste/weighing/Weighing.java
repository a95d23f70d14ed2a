package eu.selfdata.waste.weighing;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** One bin emptied into the truck and weighed: mass in grams. */
public record Weighing(String binId, Instant collectedAt, WasteStream stream, int grams, String round) {

    static final Pattern BIN_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$");

    public Weighing {
        if (binId == null || !BIN_ID.matcher(binId).matches()) {
            throw new IllegalArgumentException("bin id must be 1 to 64 letters, digits, '_', '.', ':' or '-'");
        }
        Objects.requireNonNull(collectedAt, "collectedAt");
        Objects.requireNonNull(stream, "stream");
        if (grams < 0) {
            throw new IllegalArgumentException("negative weight");
        }
    }
}
