package eu.selfdata.waste.weighing;

/**
 * How large an operator's weighings file may be. A city weighs about 2.3 million bins a year per
 * 100 000 inhabitants: the defaults take a monthly file of a four-million-people metropolis or a
 * yearly file of a city of 400 000 (10 million rows, about 600 MB, imported in under a minute at the
 * measured 250 000 rows/s), and refuse anything larger before a row is written.
 *
 * @param maxBytes the file's size
 * @param maxRows  data rows, counted as lines after the header (a quoted line break counts)
 */
public record WeighingLimits(long maxBytes, long maxRows) {

    public static final WeighingLimits DEFAULT = new WeighingLimits(1024L * 1024 * 1024, 10_000_000);

    public WeighingLimits {
        if (maxBytes <= 0 || maxRows <= 0) {
            throw new IllegalArgumentException("weighing file limits are positive");
        }
    }
}
