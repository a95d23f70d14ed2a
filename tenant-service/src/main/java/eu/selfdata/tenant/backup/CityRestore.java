package eu.selfdata.tenant.backup;

import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.tenant.identity.CityIdentity;
import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStateConflictException;
import eu.selfdata.tenant.registry.TenantStatus;
import eu.selfdata.tenant.tenancy.DatabaseClusters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.FileUtils;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts an archive back into a city onboarded with an empty schema, on this platform or another
 * holding the same backup key: the city is suspended meanwhile, every row goes in one transaction
 * (checked against the manifest's counts, or nothing is kept), then the files, then the citizens'
 * identity-server accounts, where they exist, become members of the city, so they sign in on its host
 * and find their data. Nothing of the archive names a schema, a path or a table of its own choosing:
 * tables and columns must be the target's, file paths stay below the city's folder.
 */
@Component
class CityRestore {

    private final DatabaseClusters clusters;
    private final TenantRegistry registry;
    private final ServedTenants servedTenants;
    private final ArchiveCipher cipher;
    private final JsonMapper json;
    private final ObjectProvider<CityFolders> folders;
    private final ObjectProvider<CityIdentity> identity;

    CityRestore(
            DatabaseClusters clusters,
            TenantRegistry registry,
            ServedTenants servedTenants,
            ArchiveCipher cipher,
            JsonMapper json,
            ObjectProvider<CityFolders> folders,
            ObjectProvider<CityIdentity> identity) {
        this.clusters = clusters;
        this.registry = registry;
        this.servedTenants = servedTenants;
        this.cipher = cipher;
        this.json = json;
        this.folders = folders;
        this.identity = identity;
    }

    RestoreReport restore(String slug, InputStream sealed) {
        Tenant target = registry.get(slug);
        if (!Set.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED).contains(target.status())) {
            throw new TenantStateConflictException(
                    "City '" + slug + "' is " + target.status() + ": only an onboarded city receives a restore");
        }
        if (target.moving()) {
            throw new TenantStateConflictException("City '" + slug + "' is moving to another database cluster");
        }
        if (target.status() == TenantStatus.ACTIVE
                && !registry.transition(slug, Set.of(TenantStatus.ACTIVE), TenantStatus.SUSPENDED, "RESTORE_STARTED")) {
            throw new TenantStateConflictException("City '" + slug + "' changed status meanwhile");
        }
        servedTenants.evict(slug);
        Path staging = null;
        try {
            Path cityFolder = folders.getIfAvailable() == null
                    ? null
                    : folders.getObject().city(slug);
            staging = cityFolder == null ? null : Files.createTempDirectory(cityFolder, ".restore-");
            Loaded loaded = load(target, sealed, staging);
            int files = staging == null ? 0 : moveInto(staging, cityFolder);
            int members = joinCity(slug, loaded.subjects());
            registry.recordEvent(
                    slug,
                    "RESTORED",
                    loaded.manifest().city() + " archived at "
                            + loaded.manifest().createdAt());
            return new RestoreReport(
                    slug,
                    loaded.manifest().city(),
                    loaded.manifest().createdAt(),
                    loaded.manifest().tables(),
                    files,
                    members);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restore " + slug, e);
        } finally {
            if (staging != null) {
                FileUtils.deleteQuietly(staging.toFile());
            }
            if (target.status() == TenantStatus.ACTIVE) {
                registry.transition(slug, Set.of(TenantStatus.SUSPENDED), TenantStatus.ACTIVE, "RESTORE_ENDED");
            }
            servedTenants.evict(slug);
        }
    }

    private record Loaded(ArchiveManifest manifest, List<String> subjects) {}

    private Loaded load(Tenant target, InputStream sealed, Path staging) throws IOException {
        String schema = target.id().schemaName();
        try (Connection connection = clusters.poolOf(target.id()).getConnection();
                ZipInputStream zip = new ZipInputStream(cipher.decrypting(sealed))) {
            connection.setAutoCommit(false);
            try {
                CitySchemaTables.lockOutRestores(connection, target.slug());
                ArchiveManifest manifest = ArchiveReader.manifest(zip, json);
                checkModules(zip, target);
                List<String> tables = CitySchemaTables.parentsFirst(connection, schema);
                emptyTarget(connection, schema, tables);
                Set<String> restored = new HashSet<>();
                for (ZipEntry entry = ArchiveReader.next(zip); entry != null; entry = ArchiveReader.next(zip)) {
                    String name = entry.getName();
                    if (name.startsWith("tables/") && name.endsWith(".csv")) {
                        String table = name.substring("tables/".length(), name.length() - ".csv".length());
                        if (CitySchemaTables.MIGRATION_STATE.contains(table)) {
                            continue;
                        }
                        if (!tables.contains(table) || !manifest.tables().containsKey(table) || !restored.add(table)) {
                            throw new ArchiveUnreadableException("The archive's table '"
                                    + ArchiveReader.abbreviate(table) + "' does not fit this city's schema");
                        }
                        copyIn(connection, schema, table, zip);
                    } else if (name.startsWith("files/") && !entry.isDirectory() && staging != null) {
                        stage(staging, name.substring("files/".length()), zip);
                    } else if (!entry.isDirectory()) {
                        throw new ArchiveUnreadableException(
                                "Unexpected entry in the archive: " + ArchiveReader.abbreviate(name));
                    }
                }
                checkCounts(connection, schema, manifest);
                CitySchemaTables.resetSequences(connection, schema);
                List<String> subjects = subjects(connection, schema);
                connection.commit();
                return new Loaded(manifest, subjects);
            } catch (SQLException e) {
                connection.rollback();
                throw new ArchiveUnreadableException(
                        "The archive's rows do not fit this city's schema: " + e.getMessage());
            } catch (IOException e) {
                connection.rollback();
                throw new ArchiveUnreadableException(
                        "The archive cannot be read to its end (altered or cut short):" + " nothing was restored");
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not restore " + target.slug() + ": " + e.getMessage(), e);
        }
    }

    /** The archived city's modules must be on here, or their tables have nowhere to go. */
    private void checkModules(ZipInputStream zip, Tenant target) throws IOException {
        ZipEntry second = ArchiveReader.next(zip);
        if (second == null || !"tenant.json".equals(second.getName())) {
            throw new ArchiveUnreadableException("The archive has no registry entry after its manifest");
        }
        Set<String> missing = new TreeSet<>();
        try {
            JsonNode archived = json.readTree(ArchiveReader.bounded(zip));
            archived.path("enabledModules").forEach(module -> missing.add(module.asString()));
        } catch (JacksonException e) {
            throw new ArchiveUnreadableException("The archive's registry entry is not readable");
        }
        missing.removeAll(target.enabledModules());
        if (!missing.isEmpty()) {
            throw new ProblemException(
                    ProblemType.RESTORE_TARGET_NOT_READY,
                    "Enable the archived city's modules on '" + target.slug() + "' first: " + missing);
        }
    }

    /** A fresh city holds only what onboarding seeded; a city with citizens is never overwritten. */
    private static void emptyTarget(Connection connection, String schema, List<String> tables) throws SQLException {
        if (CitySchemaTables.rows(connection, schema, "citizen") > 0) {
            throw new ProblemException(
                    ProblemType.RESTORE_TARGET_NOT_READY,
                    "A restore goes into a city without citizens: onboard a new city, or offboard this one first");
        }
        for (String table : tables.reversed()) {
            if (!CitySchemaTables.MIGRATION_STATE.contains(table)
                    && CitySchemaTables.rows(connection, schema, table) > 0) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "delete from " + CitySchemaTables.quote(schema) + "." + CitySchemaTables.quote(table))) {
                    delete.executeUpdate();
                }
            }
        }
    }

    /** Streams one table's CSV in; its header must name columns of the target table only. */
    private static void copyIn(Connection connection, String schema, String table, ZipInputStream zip)
            throws SQLException, IOException {
        List<String> header = header(zip);
        Set<String> columns = new HashSet<>(CitySchemaTables.columns(connection, schema, table));
        for (String column : header) {
            if (!columns.contains(column)) {
                throw new ArchiveUnreadableException("The archive's column '" + ArchiveReader.abbreviate(table) + "."
                        + ArchiveReader.abbreviate(column) + "' does not fit this city's schema");
            }
        }
        String columnList =
                String.join(", ", header.stream().map(CitySchemaTables::quote).toList());
        connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                        "copy " + CitySchemaTables.quote(schema) + "." + CitySchemaTables.quote(table) + " ("
                                + columnList + ") from stdin with (format csv)",
                        CloseShieldInputStream.wrap(zip));
    }

    /** The CSV's first line (column names never hold a line break), read byte by byte so the rows stay in the stream. */
    private static List<String> header(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || line.size() > 65_536) {
                throw new ArchiveUnreadableException("A table of the archive has no header line");
            }
            line.write(b);
        }
        try (CSVParser parser = CSVParser.parse(line.toString(StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new ArchiveUnreadableException("A table of the archive has no header line");
            }
            return records.getFirst().toList();
        }
    }

    private static void checkCounts(Connection connection, String schema, ArchiveManifest manifest)
            throws SQLException {
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Map.Entry<String, Long> table : manifest.tables().entrySet()) {
            if (CitySchemaTables.MIGRATION_STATE.contains(table.getKey())) {
                continue;
            }
            long rows = CitySchemaTables.rows(connection, schema, table.getKey());
            if (rows != table.getValue()) {
                wrong.put(table.getKey(), rows + " of " + table.getValue());
            }
        }
        if (!wrong.isEmpty()) {
            throw new ArchiveUnreadableException("The archive is incomplete, nothing was restored: " + wrong);
        }
    }

    private static List<String> subjects(Connection connection, String schema) throws SQLException {
        List<String> subjects = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                        "select subject from " + CitySchemaTables.quote(schema) + ".citizen");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                subjects.add(rs.getString(1));
            }
        }
        return subjects;
    }

    /** One file below the staging folder; a name that climbs out of it is refused. */
    private static void stage(Path staging, String relative, InputStream content) throws IOException {
        Path file = staging.resolve(relative).normalize();
        if (relative.isEmpty() || !file.startsWith(staging) || file.equals(staging)) {
            throw new ArchiveUnreadableException(
                    "The archive's file '" + ArchiveReader.abbreviate(relative) + "' leaves the city's folder");
        }
        Files.createDirectories(file.getParent());
        Files.copy(content, file);
    }

    private static int moveInto(Path staging, Path cityFolder) throws IOException {
        List<Path> staged;
        try (var walk = Files.walk(staging)) {
            staged = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : staged) {
            Path target = cityFolder.resolve(staging.relativize(file));
            Files.createDirectories(target.getParent());
            Files.move(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return staged.size();
    }

    private int joinCity(String slug, List<String> subjects) {
        CityIdentity cities = identity.getIfAvailable();
        if (cities == null) {
            return 0;
        }
        int joined = 0;
        for (String subject : subjects) {
            if (cities.addMember(slug, subject)) {
                joined++;
            }
        }
        return joined;
    }
}
