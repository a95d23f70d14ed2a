package eu.selfdata.waste.weighing;

import eu.selfdata.waste.bin.ActivationCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an operator's weighings file (header {@code bin_id, timestamp, stream, weight_kg, round} in
 * any order and case, and optionally {@value #ACTIVATION_CODE}), streaming, row by row: each row is either a
 * {@link Weighing} or a rejection with its line number and reason. Bytes invalid in the city's encoding reject
 * their row only. A row's activation code, when given, is the code the operator gave the bin's household: the
 * citizen types it in to prove the bin is theirs ({@link ActivationCode}); a malformed one rejects the row.
 */
public final class WeighingCsv {

    public static final List<String> COLUMNS = List.of("bin_id", "timestamp", "stream", "weight_kg", "round");
    public static final String ACTIVATION_CODE = "activation_code";
    private static final BigDecimal MAX_KG = new BigDecimal("1000");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[' ']['T']HH:mm[:ss]");

    private final Charset charset;
    private final char delimiter;
    private final ZoneId zone;

    public WeighingCsv(Charset charset, char delimiter, ZoneId zone) {
        this.charset = charset;
        this.delimiter = delimiter;
        this.zone = zone;
    }

    public static WeighingCsv of(String encoding, String delimiter, String zone) {
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("the delimiter is one character: '" + delimiter + "'");
        }
        return new WeighingCsv(Charset.forName(encoding), delimiter.charAt(0), ZoneId.of(zone));
    }

    /** A row read from the file: a weighing, or why it was refused. */
    public sealed interface Row permits Valid, Rejected {
        long line();
    }

    /** @param activationCode the bin's activation code the row delivers, or null */
    public record Valid(long line, Weighing weighing, ActivationCode activationCode) implements Row {}

    /** @param record the row's values joined by the city's delimiter, as the admin can correct them */
    public record Rejected(long line, String record, String reason) implements Row {}

    /**
     * Streams the rows of a whole file to {@code rows}.
     *
     * @throws MalformedFileException when the header lacks a column (nothing of the file is usable)
     */
    public void read(InputStream input, Consumer<Row> rows) {
        // A trailing line break makes the parser's line counter end on the line of the last record too.
        InputStream terminated = new SequenceInputStream(input, new ByteArrayInputStream("\n".getBytes(charset)));
        Reader reader = new InputStreamReader(
                terminated,
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Map<String, Integer> header = parser.getHeaderMap().entrySet().stream()
                    .collect(Collectors.toMap(
                            entry -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
            List<String> missing = COLUMNS.stream()
                    .filter(column -> !header.containsKey(column))
                    .toList();
            if (!missing.isEmpty()) {
                throw new MalformedFileException("header lacks column(s) " + missing + "; expected " + COLUMNS);
            }
            int[] positions = java.util.stream.Stream.concat(
                            COLUMNS.stream().map(header::get),
                            java.util.stream.Stream.of(header.getOrDefault(ACTIVATION_CODE, Integer.MAX_VALUE)))
                    .mapToInt(Integer::intValue)
                    .toArray();
            for (CSVRecord record : parser) {
                rows.accept(row(parser.getCurrentLineNumber(), record, positions));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException e) {
            // commons-csv reports broken quoting this way: the rest of the file cannot be trusted.
            throw new MalformedFileException("unreadable CSV: " + e.getMessage());
        }
    }

    /** Parses one row given in {@link #COLUMNS} order, e.g. a dead letter corrected by the city admin. */
    public Row readOne(long line, String record) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(record, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return new Rejected(line, record, "expected exactly one row, found " + records.size());
            }
            return row(line, records.getFirst(), new int[] {0, 1, 2, 3, 4, Integer.MAX_VALUE});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException e) {
            return new Rejected(line, record, "unreadable CSV: " + e.getMessage());
        }
    }

    private Row row(long line, CSVRecord record, int[] positions) {
        String[] values = new String[positions.length];
        boolean complete = true;
        for (int i = 0; i < positions.length; i++) {
            values[i] = positions[i] < record.size() ? record.get(positions[i]) : null;
            if (i < 4 && (values[i] == null || values[i].isEmpty())) {
                complete = false;
            }
        }
        for (int i = 0; i < record.size(); i++) {
            if (record.get(i).indexOf('\uFFFD') >= 0) {
                return rejected(line, values, "bytes not valid in encoding " + charset.name());
            }
        }
        if (!complete) {
            return rejected(
                    line,
                    values,
                    "missing column(s): each row needs " + COLUMNS.subList(0, 4) + " (" + record.size()
                            + " value(s) found)");
        }
        Optional<WasteStream> stream = WasteStream.parse(values[2]);
        if (stream.isEmpty()) {
            return rejected(
                    line,
                    values,
                    "unknown stream '" + values[2] + "' (expected residual, recyclables, glass or biowaste)");
        }
        Instant collectedAt;
        try {
            collectedAt = instant(values[1]);
        } catch (DateTimeException e) {
            return rejected(
                    line, values, "bad date '" + values[1] + "' (expected ISO 8601, e.g. 2026-03-02T07:15:00+01:00)");
        }
        BigDecimal kilograms;
        try {
            kilograms = new BigDecimal(values[3].replace(',', '.'));
        } catch (NumberFormatException e) {
            return rejected(line, values, "weight '" + values[3] + "' is not a number of kilograms");
        }
        if (kilograms.signum() < 0) {
            return rejected(line, values, "negative weight " + values[3] + " kg");
        }
        if (kilograms.compareTo(MAX_KG) > 0) {
            return rejected(
                    line, values, "weight " + values[3] + " kg is above " + MAX_KG + " kg: not a household bin");
        }
        String round = values[4] == null || values[4].isEmpty() ? null : values[4];
        if (round != null && round.length() > 64) {
            return rejected(line, values, "collection round longer than 64 characters");
        }
        int grams = kilograms
                .movePointRight(3)
                .setScale(0, java.math.RoundingMode.HALF_UP)
                .intValueExact();
        ActivationCode code = null;
        if (values[5] != null && !values[5].isEmpty()) {
            try {
                code = new ActivationCode(values[5]);
            } catch (IllegalArgumentException e) {
                return rejected(line, values, "activation code of bin '" + values[0] + "': " + e.getMessage());
            }
        }
        try {
            return new Valid(line, new Weighing(values[0], collectedAt, stream.get(), grams, round), code);
        } catch (IllegalArgumentException e) {
            return rejected(
                    line, values, "bin id '" + values[0] + "' is not 1 to 64 letters, digits, '_', '.', ':' or '-'");
        }
    }

    /**
     * The row's values joined by the city's delimiter, as the admin can correct and retry them; never the activation
     * code, which proves a household's bin to whoever holds it.
     */
    private Rejected rejected(long line, String[] values, String reason) {
        StringBuilder record = new StringBuilder();
        for (int i = 0; i < COLUMNS.size(); i++) {
            record.append(i == 0 ? "" : String.valueOf(delimiter)).append(values[i] == null ? "" : values[i]);
        }
        return new Rejected(line, record.toString(), reason);
    }

    private Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(value, LOCAL).atZone(zone).toInstant();
        }
    }

    /** The file as a whole cannot be read: it goes to the failed folder with this reason. */
    public static final class MalformedFileException extends RuntimeException {
        public MalformedFileException(String message) {
            super(message);
        }
    }
}
