package eu.selfdata.energywater.reading;

import java.io.InputStream;

/**
 * GRDF's "informative" daily gas data (ADICT), streamed: each day's energy in Wh (GRDF's kWh, or volume ×
 * conversion coefficient when the energy is not given) and volume in litres (GRDF's m³). Days without figures are
 * skipped; a period longer than a day is refused, informative data being daily.
 */
public final class GrdfInformative {

    /** The two shapes of the same fields. */
    public enum Format {
        /** One JSON object a line, as ADICT's API returns it. */
        ND_JSON,
        /** A semicolon CSV whose header names the fields. */
        CSV;

        /**
         * The shape of a file from its first byte that is not blank: '{' starts nd-json. The stream must support mark
         * (a {@link java.io.BufferedInputStream} does) and is left where it was.
         */
        public static Format detect(InputStream in) {
            return Utf8.firstNonBlankByte(in) == '{' ? ND_JSON : CSV;
        }
    }

    private GrdfInformative() {}

    /**
     * @param maxRows the most rows of readings to read; one more is refused
     * @throws BadReadingFile at the first row that cannot be read, with its line
     */
    public static GrdfFile read(InputStream in, Format format, long maxRows, ReadingSink sink) {
        InformativeDays days = new InformativeDays(maxRows, sink);
        switch (format) {
            case ND_JSON -> GrdfNdJson.read(in, days);
            case CSV -> GrdfCsv.read(in, days);
        }
        return days.summary(format);
    }
}
