package eu.selfdata.tenant.offboarding;

import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.tenancy.TenantId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a city's whole schema to a zip (one CSV per table, streamed with COPY, plus the registry
 * entry) before the schema is dropped: what a leaving city takes away. Sealed connector secrets
 * stay behind (a leaving city has its passwords; an archive must not carry them), and the archive
 * is readable by the service's user only.
 */
@Component
class SchemaArchive {

    /** Tables never archived: connector passwords, sealed with the platform key. */
    private static final Set<String> NOT_ARCHIVED = Set.of("connector_secret");

    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final DataSource dataSource;
    private final JsonMapper json;
    private final Path directory;

    SchemaArchive(
            DataSource dataSource,
            JsonMapper json,
            @Value("${selfdata.offboarding.archive-dir:${user.home}/.local/share/selfdata/archives}") Path directory) {
        this.dataSource = dataSource;
        this.json = json;
        this.directory = directory;
    }

    Path write(Tenant tenant) {
        TenantId id = tenant.id();
        Path target = directory.resolve(id.slug() + "-" + Instant.now().toEpochMilli() + ".zip");
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            boolean posix =
                    directory.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } else {
                Files.createDirectories(directory);
            }
            try (OutputStream file = Files.newOutputStream(partial);
                    ZipOutputStream zip = new ZipOutputStream(file);
                    Connection connection = dataSource.getConnection()) {
                zip.putNextEntry(new ZipEntry("tenant.json"));
                zip.write(json.writeValueAsBytes(tenant));
                zip.closeEntry();
                PGConnection pg = connection.unwrap(PGConnection.class);
                for (String table : tables(connection, id)) {
                    zip.putNextEntry(new ZipEntry(table + ".csv"));
                    pg.getCopyAPI()
                            .copyOut(
                                    "copy " + id.quotedSchema() + "." + quote(table)
                                            + " to stdout with (format csv, header)",
                                    zip);
                    zip.closeEntry();
                }
            }
            // Only a complete archive gets its final name.
            return Files.move(partial, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not archive " + id, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not archive " + id + ": " + e.getMessage(), e);
        }
    }

    private static List<String> tables(Connection connection, TenantId id) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE' order by table_name")) {
            statement.setString(1, id.schemaName());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (!NOT_ARCHIVED.contains(rs.getString(1))) {
                        tables.add(rs.getString(1));
                    }
                }
            }
        }
        return tables;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
