package eu.selfdata.energywater.reading;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a UTF-8 CSV file one at a time, each with the line it ends on: blank lines and lines of empty cells are
 * passed over, cells are trimmed and trailing empty cells dropped (some exports end every row with a separator).
 */
final class CsvRows implements AutoCloseable {

    /** A row's cells; a cell past the last is empty. */
    record Row(long line, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvRows(Reader reader, char delimiter) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try {
            this.parser =
                    CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
    }

    static CsvRows open(InputStream in, char delimiter) {
        return new CsvRows(Utf8.reader(terminated(in)), delimiter);
    }

    /** For files written with either separator: the first of ';' and ',' in the file's start (';' if neither). */
    static CsvRows guessingDelimiter(InputStream in) {
        BufferedReader reader = Utf8.reader(terminated(in));
        char[] start = new char[4096];
        try {
            reader.mark(start.length);
            int length = Math.max(reader.read(start), 0);
            reader.reset();
            char delimiter = ';';
            for (int i = 0; i < length; i++) {
                if (start[i] == ';' || start[i] == ',') {
                    delimiter = start[i];
                    break;
                }
            }
            return new CsvRows(reader, delimiter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A last line break makes the parser's line count end on the last row's own line. */
    private static InputStream terminated(InputStream in) {
        return new SequenceInputStream(in, new ByteArrayInputStream(new byte[] {'\n'}));
    }

    /** The next row that is not blank, or null at the end of the file. */
    Row next() {
        long before = parser.getCurrentLineNumber();
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                List<String> cells = new ArrayList<>(record.toList());
                while (!cells.isEmpty() && cells.getLast().isEmpty()) {
                    cells.removeLast();
                }
                long line = parser.getCurrentLineNumber();
                if (cells.stream().anyMatch(cell -> cell.indexOf(Utf8.NOT_UTF8) >= 0)) {
                    throw new BadReadingFile(line, "the text is not UTF-8");
                }
                if (!cells.isEmpty()) {
                    return new Row(line, List.copyOf(cells));
                }
                before = line;
            }
            return null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException) {
                // the parser has read on to the end of the file looking for the closing quote
                throw new BadReadingFile(before + 1, "unreadable CSV: a quote opens a value and never closes");
            }
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
