package eu.selfdata.energywater.price;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The module's dated reference figures ({@code energy-water/reference/*.csv}, each row with its source). */
final class ReferenceFile {

    private ReferenceFile() {}

    static <T> List<T> read(String name, Function<CSVRecord, T> row) {
        String path = "energy-water/reference/" + name;
        try (InputStream in = ReferenceFile.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing reference file " + path);
            }
            return CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(';')
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .stream()
                    .map(row)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
