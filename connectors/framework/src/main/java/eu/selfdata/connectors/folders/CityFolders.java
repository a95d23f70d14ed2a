package eu.selfdata.connectors.folders;

import eu.selfdata.connectors.settings.RelativePath;
import eu.selfdata.contract.CitySlug;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * The connectors' folders on disk: one root for the platform, one folder per city below it named
 * by its slug, and below that only what a city admin may choose as a {@link RelativePath}. Every
 * folder is created owner-only, and a path is refused when it leaves the city's folder (through a
 * symbolic link too): one city can never name another city's files.
 */
public final class CityFolders {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path root;

    public CityFolders(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The city's own folder, {@code {root}/{slug}}, created owner-only. */
    public Path city(String city) {
        return createPrivate(root.resolve(CitySlug.of(city).value()));
    }

    /**
     * A folder below the city's folder, created owner-only.
     *
     * @throws IllegalStateException when it resolves outside the city's folder (a link planted there)
     */
    public Path folder(String city, RelativePath relative) {
        Path cityFolder = city(city);
        Path folder = createPrivate(relative.under(cityFolder));
        try {
            if (!folder.toRealPath().startsWith(cityFolder.toRealPath())) {
                throw new IllegalStateException("folder " + relative + " leaves the city's folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** A drop folder: {@code inbox/}, {@code done/} and {@code failed/} below the chosen folder of the city. */
    public DropFolder dropFolder(String city, RelativePath relative) {
        Path base = folder(city, relative);
        for (String name : new String[] {DropFolder.INBOX, DropFolder.DONE, DropFolder.FAILED}) {
            Path folder = createPrivate(base.resolve(name));
            if (Files.isSymbolicLink(folder)) {
                throw new IllegalStateException("folder " + relative + "/" + name + " is a link");
            }
        }
        return new DropFolder(base);
    }

    /**
     * Deletes the files of the city's folder, at any depth and whatever folder an admin chose over time,
     * for which {@code doomed} holds (given the name of the folder holding the file and the file's name).
     * Links are not followed, so nothing outside the city's folder is reached.
     *
     * @return how many files were deleted
     */
    public int deleteFiles(String city, BiPredicate<String, String> doomed) {
        Path cityFolder = root.resolve(CitySlug.of(city).value());
        if (!Files.isDirectory(cityFolder, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(cityFolder)) {
            int deleted = 0;
            for (Path file : files.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                if (doomed.test(
                                file.getParent().getFileName().toString(),
                                file.getFileName().toString())
                        && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("could not erase files of " + city, e);
        }
    }

    private Path createPrivate(Path folder) {
        try {
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                Path parent = folder.getParent();
                if (parent != null && !parent.equals(folder)) {
                    createPrivate(parent);
                }
                if (POSIX) {
                    Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createDirectories(folder);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + folder, e);
        }
    }
}
