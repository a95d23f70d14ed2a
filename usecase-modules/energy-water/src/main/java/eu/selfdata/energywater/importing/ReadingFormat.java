package eu.selfdata.energywater.importing;

import eu.selfdata.energywater.reading.BadReadingFile;
import eu.selfdata.energywater.reading.EnedisCsv;
import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.energywater.reading.GrdfInformative;
import eu.selfdata.energywater.reading.ReadingSink;
import eu.selfdata.energywater.reading.WaterDaily;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The supplier files a meter takes, told apart by the meter's fluid and the file's first byte (a browser's content
 * type for CSV or nd-json varies by system): Enedis's CSV for electricity, GRDF's informative data (nd-json or CSV)
 * for gas, an operator's daily volumes (JSON or CSV) for water. A file naming another meter is refused whole.
 */
enum ReadingFormat {
    ENEDIS_CSV,
    GRDF_ND_JSON,
    GRDF_CSV,
    WATER_JSON,
    WATER_CSV;

    /** Reads the file into the sink and returns its format; the caller's transaction undoes a refusal. */
    static ReadingFormat read(Fluid fluid, InputStream body, String meter, long maxRows, ReadingSink sink) {
        InputStream in = new BufferedInputStream(body);
        return switch (fluid) {
            case ELECTRICITY -> {
                EnedisCsv.read(in, meter, maxRows, sink);
                yield ENEDIS_CSV;
            }
            case GAS -> {
                GrdfInformative.Format format = GrdfInformative.Format.detect(in);
                requireSameMeter(GrdfInformative.read(in, format, maxRows, sink).pce(), meter);
                yield format == GrdfInformative.Format.ND_JSON ? GRDF_ND_JSON : GRDF_CSV;
            }
            case WATER -> {
                WaterDaily.Format format = WaterDaily.Format.detect(in);
                requireSameMeter(WaterDaily.read(in, format, maxRows, sink).meter(), meter);
                yield format == WaterDaily.Format.JSON ? WATER_JSON : WATER_CSV;
            }
        };
    }

    /** A file that names its meter must name this one; the message shows no more of either than its last digits. */
    private static void requireSameMeter(Optional<String> named, String meter) {
        named.map(name -> name.replace(" ", "").toUpperCase(Locale.ROOT))
                .filter(name -> !name.equals(meter))
                .ifPresent(name -> {
                    throw new BadReadingFile(
                            0, "this file is for the meter ending in " + lastFour(name) + ", not " + lastFour(meter));
                });
    }

    private static String lastFour(String identifier) {
        return "…" + identifier.substring(Math.max(0, identifier.length() - 4));
    }
}
