package eu.selfdata.tenant.backup;

import eu.selfdata.tenant.registry.Tenant;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The platform's city archives on disk: encrypted, owner-only, named
 * {@code {city}-{kind}-{epoch millis}.cityarchive}, and deleted once their kind's retention is over
 * (backups and offboarding archives are copies of personal data too).
 */
@Component
public class CityArchives {

    private static final String SUFFIX = ".cityarchive";
    private static final Pattern NAME =
            Pattern.compile("([a-z][a-z0-9-]*)-(backup|offboarding)-(\\d{1,19})\\.cityarchive");
    private static final boolean POSIX =
            java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final java.util.Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final java.util.Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final CityArchiveWriter writer;
    private final ArchiveCipher cipher;
    private final Clock clock;
    private final Duration backupRetention;
    private final Duration offboardingRetention;

    CityArchives(
            @Value("${selfdata.offboarding.archive-dir:${user.home}/.local/share/selfdata/archives}") Path directory,
            CityArchiveWriter writer,
            ArchiveCipher cipher,
            Clock clock,
            @Value("${selfdata.backup.retention:P30D}") Duration backupRetention,
            @Value("${selfdata.offboarding.archive-retention:P90D}") Duration offboardingRetention) {
        this.directory = directory.toAbsolutePath().normalize();
        this.writer = writer;
        this.cipher = cipher;
        this.clock = clock;
        this.backupRetention = backupRetention;
        this.offboardingRetention = offboardingRetention;
    }

    /** Writes the city's archive; only a complete one gets its final name. */
    public StoredArchive write(Tenant tenant, ArchiveKind kind) {
        Instant now = clock.instant();
        String name = tenant.slug() + "-" + kind.name().toLowerCase(Locale.ROOT) + "-" + now.toEpochMilli() + SUFFIX;
        Path target = directory.resolve(name);
        Path partial = directory.resolve(name + ".partial");
        try {
            if (POSIX) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
            } else {
                Files.createDirectories(directory);
            }
            createOwnerOnly(partial);
            try (OutputStream file = Files.newOutputStream(partial);
                    OutputStream sealed = cipher.encrypting(file)) {
                writer.write(tenant, kind, now, sealed);
            }
            Files.move(partial, target);
            return describe(target).orElseThrow();
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Could not archive " + tenant.slug(), e);
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new IllegalStateException("Could not archive " + tenant.slug() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /** An empty file beside the archives that only the service's user reads, for an archive being written. */
    static void createOwnerOnly(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } else {
            Files.createFile(file);
        }
    }

    /** The city's archives, newest first. */
    public List<StoredArchive> list(String city) {
        return all().stream()
                .filter(archive -> archive.city().equals(city))
                .sorted(Comparator.comparing(StoredArchive::createdAt).reversed())
                .toList();
    }

    /** One of the city's archives by name; empty for another city's, an expired one or a name of no archive. */
    public Optional<Path> find(String city, String name) {
        return describe(directory.resolve(Path.of(name).getFileName().toString()))
                .filter(archive -> archive.name().equals(name) && archive.city().equals(city))
                .map(archive -> directory.resolve(archive.name()));
    }

    /** An archive as a download: opaque bytes, under its own name. */
    public static ResponseEntity<Resource> download(Path archive) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(archive.getFileName().toString())
                                .build()
                                .toString())
                .body(new FileSystemResource(archive));
    }

    /** Deletes the archives whose retention ended before {@code now}; returns them. */
    List<StoredArchive> deleteExpired(Instant now) {
        List<StoredArchive> deleted = new ArrayList<>();
        for (StoredArchive archive : all()) {
            if (!archive.expiresAt().isAfter(now)) {
                try {
                    Files.deleteIfExists(directory.resolve(archive.name()));
                    deleted.add(archive);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not delete " + archive.name(), e);
                }
            }
        }
        return deleted;
    }

    private List<StoredArchive> all() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(this::describe).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + directory, e);
        }
    }

    private Optional<StoredArchive> describe(Path file) {
        Matcher name = NAME.matcher(file.getFileName().toString());
        if (!name.matches() || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        ArchiveKind kind = ArchiveKind.valueOf(name.group(2).toUpperCase(Locale.ROOT));
        Instant created = Instant.ofEpochMilli(Long.parseLong(name.group(3)));
        Duration retention = kind == ArchiveKind.BACKUP ? backupRetention : offboardingRetention;
        try {
            return Optional.of(new StoredArchive(
                    file.getFileName().toString(),
                    name.group(1),
                    kind,
                    created,
                    created.plus(retention),
                    Files.size(file)));
        } catch (IOException e) {
            return Optional.empty(); // deleted meanwhile
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: the partial name is never listed
        }
    }
}
