package eu.selfdata.tenant.backup;

import eu.selfdata.tenant.backup.CitySchemaTables.ForeignKey;
import eu.selfdata.tenant.tenancy.DatabaseClusters;
import eu.selfdata.tenant.tenancy.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A citizen's erasure reaches the city's archives too: each one is rewritten without every row that
 * names the citizen (id, subject or address, in any column or JSON text), without the rows hanging on
 * those by a foreign key, and without files whose name carries them. The manifest's counts follow, so
 * the archive still restores whole. An archive that names nobody is left as it is.
 */
@Component
public class ArchiveForgetting {

    /** PostgreSQL's COPY CSV: NULL is an empty unquoted field, an empty string a quoted one. */
    private static final CSVFormat COPY_CSV = CSVFormat.DEFAULT
            .builder()
            .setNullString("")
            .setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setRecordSeparator("\n")
            .get();

    private final CityArchives archives;
    private final ArchiveCipher cipher;
    private final DatabaseClusters clusters;
    private final JsonMapper json;

    ArchiveForgetting(CityArchives archives, ArchiveCipher cipher, DatabaseClusters clusters, JsonMapper json) {
        this.archives = archives;
        this.cipher = cipher;
        this.clusters = clusters;
        this.json = json;
    }

    /** Rewrites the city's archives without whatever names one of {@code needles}; returns the archives changed. */
    public int forget(String city, Set<String> needles) {
        List<ForeignKey> keys = foreignKeys(TenantId.of(city));
        int changed = 0;
        for (StoredArchive stored : archives.list(city)) {
            Path archive = archives.find(city, stored.name()).orElse(null);
            if (archive != null && rewrite(archive, needles, keys)) {
                changed++;
            }
        }
        return changed;
    }

    private boolean rewrite(Path archive, Set<String> needles, List<ForeignKey> keys) {
        try {
            // first pass: what goes, so the new manifest can lead the rewritten archive
            Filter counting = new Filter(needles, keys);
            ArchiveManifest manifest;
            try (InputStream sealed = Files.newInputStream(archive);
                    ZipInputStream zip = new ZipInputStream(cipher.decrypting(sealed))) {
                manifest = ArchiveReader.manifest(zip, json);
                counting.run(zip, null);
            }
            if (counting.dropped == 0) {
                return false;
            }
            Map<String, Long> tables = new LinkedHashMap<>(manifest.tables());
            counting.kept.forEach(tables::put);
            ArchiveManifest rewritten = new ArchiveManifest(
                    manifest.format(),
                    manifest.version(),
                    manifest.city(),
                    manifest.kind(),
                    manifest.createdAt(),
                    tables,
                    counting.files);
            Path partial = archive.resolveSibling(archive.getFileName() + ".forgetting");
            Files.deleteIfExists(partial);
            CityArchives.createOwnerOnly(partial);
            try (InputStream sealed = Files.newInputStream(archive);
                    ZipInputStream in = new ZipInputStream(cipher.decrypting(sealed));
                    OutputStream file = Files.newOutputStream(partial);
                    OutputStream encrypted = cipher.encrypting(file);
                    ZipOutputStream out = new ZipOutputStream(encrypted)) {
                ArchiveReader.manifest(in, json);
                out.putNextEntry(new ZipEntry("manifest.json"));
                out.write(json.writeValueAsBytes(rewritten));
                out.closeEntry();
                new Filter(needles, keys).run(in, out);
                out.finish();
            }
            // the archive keeps its name (and so its date and expiry); the old bytes are replaced at once
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not rewrite " + archive.getFileName(), e);
        }
    }

    /** One pass over an archive's entries after its manifest: counts what stays, and writes it when given a zip. */
    private static final class Filter {

        private final Set<String> needles;
        private final List<ForeignKey> keys;
        /** values of the referenced columns of dropped rows, per table */
        private final Map<String, Set<List<String>>> droppedKeys = new HashMap<>();

        private final Map<String, Long> kept = new LinkedHashMap<>();
        private long dropped;
        private int files;

        Filter(Set<String> needles, List<ForeignKey> keys) {
            this.needles = needles;
            this.keys = keys;
        }

        void run(ZipInputStream in, ZipOutputStream out) throws IOException {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                if (name.startsWith("tables/") && name.endsWith(".csv")) {
                    String table = name.substring("tables/".length(), name.length() - ".csv".length());
                    table(table, in, out, name);
                } else if (name.startsWith("files/") && names(name)) {
                    dropped++;
                } else {
                    if (name.startsWith("files/")) {
                        files++;
                    }
                    if (out != null) {
                        out.putNextEntry(new ZipEntry(name));
                        in.transferTo(out);
                        out.closeEntry();
                    }
                }
            }
        }

        private void table(String table, ZipInputStream in, ZipOutputStream out, String name) throws IOException {
            CSVParser parser = CSVParser.parse(
                    CloseShieldInputStream.wrap(in),
                    StandardCharsets.UTF_8,
                    COPY_CSV.builder().setHeader().setSkipHeaderRecord(true).get());
            List<String> header = parser.getHeaderNames();
            List<ForeignKey> outgoing =
                    keys.stream().filter(key -> key.child().equals(table)).toList();
            List<ForeignKey> incoming =
                    keys.stream().filter(key -> key.parent().equals(table)).toList();
            CSVPrinter printer = null;
            if (out != null) {
                out.putNextEntry(new ZipEntry(name));
                Writer writer = new OutputStreamWriter(CloseShieldOutputStream.wrap(out), StandardCharsets.UTF_8);
                printer = new CSVPrinter(
                        writer,
                        COPY_CSV.builder()
                                .setHeader(header.toArray(String[]::new))
                                .get());
            }
            long rows = 0;
            for (CSVRecord record : parser) {
                if (names(record) || hangsOnDropped(record, outgoing)) {
                    dropped++;
                    for (ForeignKey key : incoming) {
                        droppedKeys
                                .computeIfAbsent(table + key.parentColumns(), t -> new HashSet<>())
                                .add(values(record, key.parentColumns()));
                    }
                } else {
                    rows++;
                    if (printer != null) {
                        printer.printRecord(record.values());
                    }
                }
            }
            if (printer != null) {
                printer.flush();
                out.closeEntry();
            }
            kept.put(table, rows);
        }

        private boolean hangsOnDropped(CSVRecord record, List<ForeignKey> outgoing) {
            for (ForeignKey key : outgoing) {
                Set<List<String>> gone = droppedKeys.get(key.parent() + key.parentColumns());
                if (gone != null && gone.contains(values(record, key.childColumns()))) {
                    return true;
                }
            }
            return false;
        }

        private static List<String> values(CSVRecord record, List<String> columns) {
            List<String> values = new ArrayList<>(columns.size());
            for (String column : columns) {
                values.add(record.isMapped(column) ? record.get(column) : null);
            }
            return values;
        }

        private boolean names(CSVRecord record) {
            for (String value : record.values()) {
                if (value != null && names(value)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether the value holds a needle: ids anywhere (in a file name too, {@code {id}_trace.gpx}), an address
         * as a whole token only, since {@code ann@x.eu} does not name {@code joann@x.eu}.
         */
        private boolean names(String value) {
            for (String needle : needles) {
                if (needle.indexOf('@') < 0) {
                    if (value.contains(needle)) {
                        return true;
                    }
                    continue;
                }
                for (int at = value.indexOf(needle); at >= 0; at = value.indexOf(needle, at + 1)) {
                    int end = at + needle.length();
                    if ((at == 0 || !tokenChar(value.charAt(at - 1)))
                            && (end == value.length() || !tokenChar(value.charAt(end)))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean tokenChar(char c) {
            return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '@';
        }
    }

    private List<ForeignKey> foreignKeys(TenantId city) {
        try (Connection connection = clusters.poolOf(city).getConnection()) {
            return CitySchemaTables.foreignKeys(connection, city.schemaName());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the foreign keys of " + city.schemaName(), e);
        }
    }
}
