package eu.selfdata.energywater.reading;

import java.io.InputStream;
import java.math.BigDecimal;

/**
 * The CSV a citizen downloads from Enedis's customer area, streamed row by row: a line naming the file's fields, a
 * line of their values (PRM, type of data, unit, step), a line {@code Horodate;Valeur}, then one reading a line.
 */
public final class EnedisCsv {

    private EnedisCsv() {}

    /**
     * Reads the file into {@code sink}: a load curve gives its points and the energy of each complete day, daily energy
     * and daily index give each day's energy, maximum power each day's peak.
     *
     * @param expectedPrm the 14 digits of the citizen's meter: a file for another meter is refused
     * @param maxRows the most rows of readings to read; one more is refused
     * @throws BadReadingFile at the first row that cannot be read, with its line
     */
    public static EnedisFile read(InputStream in, String expectedPrm, long maxRows, ReadingSink sink) {
        EnedisHeader.requirePrm(expectedPrm);
        try (CsvRows rows = CsvRows.open(in, ';')) {
            EnedisHeader header = EnedisHeader.read(rows, expectedPrm);
            EnedisRows kind = rowsOf(header, maxRows, sink);
            CsvRows.Row row = rows.next();
            if (row != null && Labels.normalize(row.cell(0)).equals("horodate")) {
                row = rows.next();
            }
            for (; row != null; row = rows.next()) {
                kind.readings().count(row.line());
                kind.row(row.line(), row.cell(0), value(row));
            }
            kind.end();
            Readings<?> readings = kind.readings();
            readings.requireSome();
            return new EnedisFile(
                    header.prm(),
                    header.data(),
                    header.unit(),
                    header.stepMinutes(),
                    readings.firstDay(),
                    readings.lastDay(),
                    readings.rows(),
                    readings.duplicates(),
                    kind.incompleteDays());
        }
    }

    private static EnedisRows rowsOf(EnedisHeader header, long maxRows, ReadingSink sink) {
        return switch (header.data()) {
            case LOAD_CURVE -> new CurveRows(header.stepMinutes().orElseThrow(), header.shift(), maxRows, sink);
            case DAILY_INDEX -> new DayRows(header.shift(), maxRows, new IndexDifferences(sink));
            case DAILY_ENERGY ->
                new DayRows(header.shift(), maxRows, (line, day, wh) -> sink.daily(DailyUse.energy(day, wh)));
            case MAX_POWER ->
                new DayRows(
                        header.shift(),
                        maxRows,
                        (line, day, va) -> sink.maxPower(new MaxPower(day, Quantities.toInt(line, va))));
        };
    }

    private static BigDecimal value(CsvRows.Row row) {
        if (row.cells().size() != 2) {
            throw new BadReadingFile(
                    row.line(), row.cells().size() + " value(s) where a reading has 2 (Horodate;Valeur)");
        }
        return Quantities.parse(row.line(), row.cell(1));
    }
}
