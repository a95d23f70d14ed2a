package eu.selfdata.energywater.reading;

import java.io.InputStream;
import java.util.Optional;

/** A water operator's daily consumption, CSV or JSON, streamed: each day's volume in litres. */
public final class WaterDaily {

    /** The two shapes an operator's file comes in. */
    public enum Format {
        /** {@code Date;Consommation (m3)}, {@code date,volume_l}…: the unit is in the volume column's name. */
        CSV,
        /** {@code {"meter": …, "unit": "L" | "m3", "readings": [{"date": …, "volume": …}]}}. */
        JSON;

        /**
         * The shape of a file from its first byte that is not blank: '{' starts JSON. The stream must support mark
         * (a {@link java.io.BufferedInputStream} does) and is left where it was.
         */
        public static Format detect(InputStream in) {
            return Utf8.firstNonBlankByte(in) == '{' ? JSON : CSV;
        }
    }

    private WaterDaily() {}

    /**
     * @param maxRows the most rows of readings to read; one more is refused
     * @throws BadReadingFile at the first row that cannot be read, with its line
     */
    public static WaterFile read(InputStream in, Format format, long maxRows, ReadingSink sink) {
        WaterDays days = new WaterDays(maxRows, sink);
        Optional<String> meter = switch (format) {
            case CSV -> {
                WaterCsv.read(in, days);
                yield Optional.empty();
            }
            case JSON -> WaterJson.read(in, days);
        };
        return days.summary(meter);
    }
}
