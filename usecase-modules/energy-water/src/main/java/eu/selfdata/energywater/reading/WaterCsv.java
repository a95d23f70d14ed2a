package eu.selfdata.energywater.reading;

import java.io.InputStream;

/**
 * A water operator's daily CSV: a date column and a volume column whose name carries the unit
 * ({@code Date;Consommation (m3)}, {@code date,volume_l}…), separated by ';' or ','.
 */
final class WaterCsv {

    private WaterCsv() {}

    static void read(InputStream in, WaterDays days) {
        try (CsvRows rows = CsvRows.guessingDelimiter(in)) {
            CsvRows.Row header = rows.next();
            if (header == null) {
                throw new BadReadingFile(0, "the file is empty");
            }
            Columns columns = new Columns(header);
            int date = columns.require("of dates", name -> name.startsWith("date"));
            int volume = columns.require(
                    "of volumes (Consommation or volume)",
                    name -> name.startsWith("consommation") || name.startsWith("volume"));
            days.unit(VolumeUnit.in(columns.name(volume))
                    .orElseThrow(() -> new BadReadingFile(
                            header.line(), "the volume column does not say its unit (m3 or litres)")));
            for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                long line = row.line();
                days.count(line);
                columns.checkWidth(row);
                days.accept(line, Horodates.day(line, row.cell(date)), Quantities.parse(line, row.cell(volume)));
            }
        }
    }
}
