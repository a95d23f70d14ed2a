package eu.selfdata.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * One server's own Keycloak home ({@code kc.home.dir}), a few MiB next to the shared distribution:
 * <pre>
 *   lib/lib          -> symlink to the distribution's 158 MiB of jars (never written)
 *   lib/quarkus/     copy: Keycloak rewrites it when it re-augments (first start-dev, new provider)
 *   bin/kc.sh conf/  copies
 *   providers/       selfdata-keycloak-extensions.jar
 *   themes/selfdata  the city login theme
 *   data/import/     selfdata-realm.json, imported on start when the realm does not exist yet
 *   data/h2/         the dev-file database: wiped on a fresh start, kept otherwise
 * </pre>
 * Several servers can run from one distribution at once, each with its own data and augmentation.
 */
final class ServerHome {

    private static final String RESOURCES = "selfdata-keycloak";
    private static final String REALM_FILE = "selfdata-realm.json";
    private static final String DISTRIBUTION_MARKER = ".distribution";

    private final Path dir;

    ServerHome(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    Path kcSh() {
        return dir.resolve("bin/kc.sh");
    }

    Path log() {
        return dir.resolve("keycloak.log");
    }

    /**
     * Claims the home for one running server (a file lock, released by the returned channel or when the JVM
     * dies): two servers on one H2 database and one augmentation would corrupt both.
     */
    FileChannel lock() {
        try {
            Files.createDirectories(dir);
            FileChannel channel =
                    FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                if (channel.tryLock() != null) {
                    return channel;
                }
            } catch (OverlappingFileLockException sameJvm) {
                // fall through: held by another server of this JVM
            }
            channel.close();
            throw new IllegalStateException(
                    "Keycloak home " + dir + " is used by another running server; give each server its own home");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock " + dir, e);
        }
    }

    /** Lays out the home from the distribution (once), then refreshes realm file, theme and provider. */
    void prepare(Distribution distribution, boolean freshData) {
        try {
            Files.createDirectories(dir);
            linkDistribution(distribution);
            if (freshData) {
                deleteTree(dir.resolve("data"));
            }
            Files.createDirectories(dir.resolve("data/import"));
            copyModuleResources();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Keycloak home " + dir, e);
        }
    }

    private void linkDistribution(Distribution distribution) throws IOException {
        Path marker = dir.resolve(DISTRIBUTION_MARKER);
        String identity = distribution.home() + "\n" + distribution.version() + "\n";
        if (Files.isRegularFile(marker)
                && Files.readString(marker).equals(identity)
                && Files.isRegularFile(dir.resolve("lib/quarkus-run.jar"))) {
            return;
        }
        for (String stale : new String[] {"bin", "conf", "lib", "data/tmp"}) {
            deleteTree(dir.resolve(stale));
        }
        Files.createDirectories(dir.resolve("lib"));
        Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(dir.resolve("lib/lib"), distribution.home().resolve("lib/lib"));
        copyTree(distribution.home().resolve("lib/quarkus"), dir.resolve("lib/quarkus"));
        copyTree(distribution.home().resolve("lib/app"), dir.resolve("lib/app"));
        Files.copy(distribution.home().resolve("lib/quarkus-run.jar"), dir.resolve("lib/quarkus-run.jar"));
        Files.copy(distribution.home().resolve("bin/kc.sh"), kcSh());
        copyTree(distribution.home().resolve("conf"), dir.resolve("conf"));
        Files.writeString(marker, identity);
    }

    /** Realm file, theme and provider jar from this module's classpath (a directory or a jar). */
    private void copyModuleResources() throws IOException {
        URL realm = ServerHome.class.getClassLoader().getResource(RESOURCES + "/realm/" + REALM_FILE);
        if (realm == null) {
            throw new IllegalStateException(RESOURCES + "/realm/" + REALM_FILE + " is not on the classpath");
        }
        String spec = realm.toString();
        if (spec.startsWith("jar:")) {
            Path jar = Path.of(URI.create(spec.substring("jar:".length(), spec.indexOf("!/"))));
            try (FileSystem zip = FileSystems.newFileSystem(jar)) {
                copyModuleResources(zip.getPath("/" + RESOURCES));
            }
        } else {
            copyModuleResources(Path.of(URI.create(spec)).getParent().getParent());
        }
    }

    private void copyModuleResources(Path root) throws IOException {
        copyIfChanged(root.resolve("realm/" + REALM_FILE), dir.resolve("data/import/" + REALM_FILE));
        deleteTree(dir.resolve("themes/selfdata"));
        copyTree(root.resolve("themes/selfdata"), dir.resolve("themes/selfdata"));
        Path providers = root.resolve("providers");
        if (Files.isDirectory(providers)) {
            try (Stream<Path> jars = Files.list(providers)) {
                for (Path jar : jars.toList()) {
                    // unchanged bytes keep the old file: a new timestamp would make Keycloak re-augment (~15 s)
                    copyIfChanged(
                            jar,
                            dir.resolve("providers").resolve(jar.getFileName().toString()));
                }
            }
        }
    }

    private static void copyIfChanged(Path source, Path target) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(source)) {
            bytes = in.readAllBytes();
        }
        if (Files.isRegularFile(target) && Arrays.equals(bytes, Files.readAllBytes(target))) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Deletes a tree without following symbolic links (lib/lib points into the shared distribution). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
