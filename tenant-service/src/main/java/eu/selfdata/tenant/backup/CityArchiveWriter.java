package eu.selfdata.tenant.backup;

import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.tenancy.DatabaseClusters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one city as a zip: {@code manifest.json}, {@code tenant.json} (the registry entry),
 * {@code tables/{table}.csv} streamed with COPY from one repeatable-read snapshot, parents first,
 * and {@code files/…} from the city's connector folders. Sealed connector secrets stay behind: they
 * open only with the platform key and the city's name, and an archive must not carry passwords.
 */
@Component
class CityArchiveWriter {

    private static final Set<String> NOT_ARCHIVED = Set.of("connector_secret");

    private final DatabaseClusters clusters;
    private final JsonMapper json;
    private final ObjectProvider<CityFolders> folders;

    CityArchiveWriter(DatabaseClusters clusters, JsonMapper json, ObjectProvider<CityFolders> folders) {
        this.clusters = clusters;
        this.json = json;
        this.folders = folders;
    }

    ArchiveManifest write(Tenant tenant, ArchiveKind kind, Instant now, OutputStream out)
            throws IOException, SQLException {
        String schema = tenant.id().schemaName();
        Optional<Path> cityFolder =
                Optional.ofNullable(folders.getIfAvailable()).map(found -> found.city(tenant.slug()));
        List<Path> files = cityFolder.map(CityArchiveWriter::regularFiles).orElse(List.of());
        try (Connection connection = clusters.poolOf(tenant.id()).getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                Map<String, Long> tables = new LinkedHashMap<>();
                for (String table : CitySchemaTables.parentsFirst(connection, schema)) {
                    if (!NOT_ARCHIVED.contains(table)) {
                        tables.put(table, CitySchemaTables.rows(connection, schema, table));
                    }
                }
                ArchiveManifest manifest = new ArchiveManifest(
                        ArchiveManifest.FORMAT,
                        ArchiveManifest.VERSION,
                        tenant.slug(),
                        kind,
                        now,
                        tables,
                        files.size());
                ZipOutputStream zip = new ZipOutputStream(out);
                entry(zip, "manifest.json", json.writeValueAsBytes(manifest));
                entry(zip, "tenant.json", json.writeValueAsBytes(tenant));
                PGConnection pg = connection.unwrap(PGConnection.class);
                for (String table : tables.keySet()) {
                    zip.putNextEntry(new ZipEntry("tables/" + table + ".csv"));
                    pg.getCopyAPI()
                            .copyOut(
                                    "copy " + CitySchemaTables.quote(schema) + "." + CitySchemaTables.quote(table)
                                            + " to stdout with (format csv, header)",
                                    zip);
                    zip.closeEntry();
                }
                for (Path file : files) {
                    zip.putNextEntry(new ZipEntry("files/"
                            + cityFolder
                                    .orElseThrow()
                                    .relativize(file)
                                    .toString()
                                    .replace('\\', '/')));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
                zip.finish();
                return manifest;
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** The city folder's files, links left out: a link could name what is not the city's. */
    private static List<Path> regularFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not list " + folder, e);
        }
    }
}
