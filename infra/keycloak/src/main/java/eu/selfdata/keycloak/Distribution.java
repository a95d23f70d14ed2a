package eu.selfdata.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The unpacked {@code org.keycloak:keycloak-quarkus-dist} zip: read-only, shared by every server started from
 * it. Found through the system property {@value #HOME_PROPERTY}, else by walking up from the working directory
 * to {@code infra/keycloak/target/keycloak-<version>} (where this module's build unpacks it).
 */
record Distribution(Path home, String version) {

    static final String HOME_PROPERTY = "selfdata.keycloak.home";

    Distribution {
        if (!Files.isRegularFile(home.resolve("lib/quarkus-run.jar"))
                || !Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak " + version + " distribution at " + home
                    + ": build it with `./mvnw -pl infra/keycloak -am package` (it unpacks"
                    + " org.keycloak:keycloak-quarkus-dist:" + version + ") or set -D" + HOME_PROPERTY);
        }
    }

    static Distribution locate() {
        String version = expectedVersion();
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new Distribution(Path.of(configured).toAbsolutePath().normalize(), version);
        }
        Path relative = Path.of("infra", "keycloak", "target", "keycloak-" + version);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return new Distribution(dir.resolve(relative), version);
            }
        }
        return new Distribution(Path.of("").toAbsolutePath().resolve(relative), version);
    }

    /** The version this module was built against ({@code keycloak.version} in the root pom). */
    static String expectedVersion() {
        try (InputStream in = Distribution.class.getResourceAsStream("keycloak.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(
                    "keycloak.properties missing from the classpath of " + Distribution.class, e);
        }
    }
}
