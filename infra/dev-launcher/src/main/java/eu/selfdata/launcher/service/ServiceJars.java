package eu.selfdata.launcher.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

/** Finds the executable jar of a service module. */
public final class ServiceJars {

    private ServiceJars() {}

    /**
     * The jar given on the command line, else the copy the launcher's build made in
     * {@code infra/dev-launcher/target/services}, else the one in the module's own {@code target}.
     */
    public static Path locate(Path repoRoot, String module, Optional<Path> override) {
        if (override.isPresent()) {
            if (!Files.isRegularFile(override.get())) {
                throw new IllegalStateException("No " + module + " jar at " + override.get());
            }
            return override.get();
        }
        Path copied = repoRoot.resolve("infra/dev-launcher/target/services").resolve(module + ".jar");
        if (Files.isRegularFile(copied)) {
            return copied;
        }
        Path moduleTarget = repoRoot.resolve(module).resolve("target");
        return builtIn(moduleTarget, module)
                .orElseThrow(() -> new IllegalStateException("No " + module + " jar in " + copied.getParent() + " nor "
                        + moduleTarget + ": build it first with ./mvnw install -DskipTests"));
    }

    private static Optional<Path> builtIn(Path moduleTarget, String module) {
        if (!Files.isDirectory(moduleTarget)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(moduleTarget, module + "-*-exec.jar")) {
            Iterator<Path> found = jars.iterator();
            return found.hasNext() ? Optional.of(found.next()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
