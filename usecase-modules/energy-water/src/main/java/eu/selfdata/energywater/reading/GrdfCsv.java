package eu.selfdata.energywater.reading;

import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalInt;

/** GRDF's informative data as a semicolon CSV whose header names ADICT's fields, in any order. */
final class GrdfCsv {

    private GrdfCsv() {}

    static void read(InputStream in, InformativeDays days) {
        try (CsvRows rows = CsvRows.open(in, ';')) {
            CsvRows.Row header = rows.next();
            if (header == null) {
                throw new BadReadingFile(0, "the file is empty");
            }
            Columns columns = new Columns(header);
            int start = columns.require(InformativeDay.START, Columns.named(InformativeDay.START));
            OptionalInt end = columns.find(Columns.named(InformativeDay.END));
            OptionalInt volume = columns.find(Columns.named(InformativeDay.VOLUME));
            OptionalInt coefficient = columns.find(Columns.named(InformativeDay.COEFFICIENT));
            OptionalInt energy = columns.find(Columns.named(InformativeDay.ENERGY));
            OptionalInt pce = columns.find(Columns.named(InformativeDay.PCE));
            for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                long line = row.line();
                days.count(line);
                columns.checkWidth(row);
                days.accept(new InformativeDay(
                        line,
                        cell(row, pce),
                        Horodates.day(line, row.cell(start)),
                        cell(row, end).map(day -> Horodates.day(line, day)),
                        cell(row, volume).flatMap(value -> Quantities.parseIfAny(line, value)),
                        cell(row, coefficient).flatMap(value -> Quantities.parseIfAny(line, value)),
                        cell(row, energy).flatMap(value -> Quantities.parseIfAny(line, value))));
            }
        }
    }

    private static Optional<String> cell(CsvRows.Row row, OptionalInt column) {
        return column.isPresent() && !row.cell(column.getAsInt()).isEmpty()
                ? Optional.of(row.cell(column.getAsInt()))
                : Optional.empty();
    }
}
