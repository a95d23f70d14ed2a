package eu.selfdata.tenant.personaldata;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.PersonalDataCategory;
import eu.selfdata.usecase.api.PersonalDataSource;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.util.PGobject;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A citizen's data as a zip (GDPR art. 20): per category a JSON and a CSV file (and the category in
 * the standard formats its module offers, e.g. trips as GPX and GeoJSON), and a manifest.
 * Rows go from the database cursor to the zip one at a time, so memory does not grow with the
 * number of rows; everything is read in one repeatable-read snapshot.
 */
@Component
class ExportArchive {

    private final PersonalDataCatalogue catalogue;
    private final CityJdbc city;
    private final JsonMapper json;
    private final Clock clock;

    ExportArchive(PersonalDataCatalogue catalogue, CityJdbc city, JsonMapper json, Clock clock) {
        this.catalogue = catalogue;
        this.city = city;
        this.json = json;
        this.clock = clock;
    }

    void write(CitizenId citizen, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<Map<String, Object>> manifest = new ArrayList<>();
        city.transactions(TransactionDefinition.ISOLATION_REPEATABLE_READ, true).executeWithoutResult(status -> {
            for (PersonalDataSource source : catalogue.presentHere()) {
                long rows = writeJson(zip, source, citizen);
                writeCsv(zip, source, citizen);
                source.portableFiles()
                        .forEach(file ->
                                entry(zip, file.name(), stream -> file.writer().write(citizen, stream)));
                manifest.add(describe(source, rows));
            }
        });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("city", city.city());
        summary.put("citizen", citizen.value());
        summary.put("exportedAt", clock.instant());
        summary.put("legalBasis", "GDPR art. 20 (data portability)");
        summary.put("categories", manifest);
        zip.putNextEntry(new ZipEntry("manifest.json"));
        json.writerWithDefaultPrettyPrinter().writeValue(new KeepOpen(zip), summary);
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private long writeJson(ZipOutputStream zip, PersonalDataSource source, CitizenId citizen) {
        long[] rows = {0};
        entry(zip, source.category().id() + ".json", stream -> {
            try (JsonGenerator generator = json.createGenerator(stream)) {
                generator.writeStartArray();
                source.export(citizen, row -> {
                    generator.writeStartObject();
                    row.forEach((column, value) -> {
                        generator.writeName(column);
                        if (value instanceof PGobject object
                                && object.getType().startsWith("json")
                                && object.getValue() != null) {
                            generator.writeRawValue(object.getValue());
                        } else {
                            generator.writePOJO(plain(value));
                        }
                    });
                    generator.writeEndObject();
                    rows[0]++;
                });
                generator.writeEndArray();
            }
        });
        return rows[0];
    }

    private void writeCsv(ZipOutputStream zip, PersonalDataSource source, CitizenId citizen) {
        entry(zip, source.category().id() + ".csv", stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            CSVPrinter[] printer = {null};
            source.export(citizen, row -> {
                try {
                    if (printer[0] == null) {
                        printer[0] = CSVFormat.DEFAULT
                                .builder()
                                .setHeader(row.keySet().toArray(String[]::new))
                                .get()
                                .print(writer);
                    }
                    printer[0].printRecord(row.sequencedValues().stream()
                            .map(ExportArchive::plain)
                            .map(ExportArchive::text)
                            .toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        });
    }

    private static void entry(ZipOutputStream zip, String name, IoWork work) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            work.run(new KeepOpen(zip));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> describe(PersonalDataSource source, long rows) {
        PersonalDataCategory category = source.category();
        SequencedMap<String, Object> described = new LinkedHashMap<>();
        described.put("id", category.id());
        described.put("label", category.label());
        described.put("purpose", category.purpose());
        described.put("legalBasis", category.legalBasis());
        described.put("retention", category.retention().toString());
        described.put("rows", rows);
        List<String> files = new ArrayList<>(List.of(category.id() + ".json", category.id() + ".csv"));
        source.portableFiles().forEach(file -> files.add(file.name()));
        described.put("files", files);
        return described;
    }

    private static Object plain(Object value) {
        return switch (value) {
            case Timestamp timestamp -> timestamp.toInstant();
            case java.sql.Date date -> date.toLocalDate();
            case PGobject object -> object.getValue();
            case UUID id -> id.toString();
            case null, default -> value;
        };
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    @FunctionalInterface
    private interface IoWork {
        void run(OutputStream stream) throws IOException;
    }

    /** Lets writers close or flush what they wrote without closing the zip. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
