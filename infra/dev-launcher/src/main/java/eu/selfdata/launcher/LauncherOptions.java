package eu.selfdata.launcher;

import eu.selfdata.launcher.database.JdbcConnection;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to start and where. Every option is an argument {@code --name=value} (flags: {@code --name})
 * or a system property {@code -Dlauncher.name=value}; arguments win.
 */
public record LauncherOptions(
        Path repoRoot,
        Path dataDir,
        int databasePort,
        int tenantServicePort,
        int governancePort,
        int gatewayPort,
        int keycloakPort,
        int smtpPort,
        int mailboxPort,
        Optional<JdbcConnection> externalDatabase,
        boolean skipDemo,
        boolean infraOnly,
        Optional<Path> tenantServiceJar,
        Optional<Path> gatewayJar,
        Optional<Path> governanceJar) {

    static final String USAGE = """
            Options (each also as -Dlauncher.<name>=<value>):
              --gateway-port=8080 --tenant-service-port=8081 --governance-port=8082 --db-port=15432
              --keycloak-port=8180
              --smtp-port=2525 --mailbox-port=8025
                                           the run's mail server and the page showing every mail it got
              --data-dir=<repo>/dev-data   PostgreSQL and Keycloak data, logs, the run's secrets
              --db-url=jdbc:postgresql://host:5432/db --db-user=postgres --db-password=postgres
                                           use that PostgreSQL instead of the embedded one
              --skip-demo                  do not onboard the demo cities
              --infra-only                 start PostgreSQL and Keycloak only (for benches that
                                           start tenant-service themselves, see tenant-service.args)
              --tenant-service-jar=<jar> --gateway-jar=<jar> --governance-jar=<jar>
                                           default: infra/dev-launcher/target/services, then <module>/target
            """;

    private static final String PROPERTY_PREFIX = "launcher.";
    private static final Set<String> NAMES = Set.of(
            "gateway-port",
            "tenant-service-port",
            "governance-port",
            "db-port",
            "keycloak-port",
            "smtp-port",
            "mailbox-port",
            "data-dir",
            "db-url",
            "db-user",
            "db-password",
            "skip-demo",
            "infra-only",
            "tenant-service-jar",
            "gateway-jar",
            "governance-jar");

    public LauncherOptions {
        for (int port : new int[] {
            databasePort, tenantServicePort, governancePort, gatewayPort, keycloakPort, smtpPort, mailboxPort
        }) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
        }
    }

    /** @throws IllegalArgumentException on an unknown option or a bad value, with a message for the user */
    public static LauncherOptions parse(String[] args, Properties systemProperties) {
        Map<String, String> given = new HashMap<>();
        for (String name : NAMES) {
            String value = systemProperties.getProperty(PROPERTY_PREFIX + name);
            if (value != null) {
                given.put(name, value);
            }
        }
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            int equals = arg.indexOf('=');
            given.put(
                    equals < 0 ? arg.substring(2) : arg.substring(2, equals),
                    equals < 0 ? "true" : arg.substring(equals + 1));
        }
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(NAMES);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s): " + unknown);
        }

        Path repoRoot = locateRepoRoot();
        Optional<JdbcConnection> external = Optional.ofNullable(given.get("db-url"))
                .map(url -> new JdbcConnection(
                        url, given.getOrDefault("db-user", "postgres"), given.getOrDefault("db-password", "postgres")));
        if (external.isEmpty() && (given.containsKey("db-user") || given.containsKey("db-password"))) {
            throw new IllegalArgumentException("--db-user and --db-password go with --db-url");
        }
        return new LauncherOptions(
                repoRoot,
                path(given.get("data-dir"))
                        .orElse(repoRoot.resolve("dev-data"))
                        .toAbsolutePath()
                        .normalize(),
                port(given, "db-port", 15432),
                port(given, "tenant-service-port", 8081),
                port(given, "governance-port", 8082),
                port(given, "gateway-port", 8080),
                port(given, "keycloak-port", 8180),
                port(given, "smtp-port", 2525),
                port(given, "mailbox-port", 8025),
                external,
                Boolean.parseBoolean(given.getOrDefault("skip-demo", "false")),
                Boolean.parseBoolean(given.getOrDefault("infra-only", "false")),
                path(given.get("tenant-service-jar")),
                path(given.get("gateway-jar")),
                path(given.get("governance-jar")));
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Where benches and tools find the gateway secret of this run. */
    public Path gatewaySecretFile() {
        return dataDir.resolve("gateway-secret");
    }

    /** The secret of the dev coordinator's Keycloak client, for tools that need a coordinator token. */
    public Path coordinatorSecretFile() {
        return dataDir.resolve("coordinator-secret");
    }

    /** Passwords of the demo accounts (coordinator, city admins, citizens), kept so that every run prints the same. */
    public Path demoPasswordsFile() {
        return dataDir.resolve("demo-passwords.properties");
    }

    /** tenant-service's arguments for this run, one a line, for benches that start it themselves. */
    public Path tenantServiceArgumentsFile() {
        return dataDir.resolve("tenant-service.args");
    }

    private static int port(Map<String, String> given, String name, int byDefault) {
        String value = given.get(name);
        try {
            return value == null ? byDefault : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number, not " + value);
        }
    }

    private static Optional<Path> path(String value) {
        return Optional.ofNullable(value).map(Path::of);
    }

    /**
     * The launcher runs from {@code <repo>/infra/dev-launcher/target/dev-launcher.jar} (or
     * {@code target/classes}): the repository is four levels up, wherever the command was typed.
     */
    private static Path locateRepoRoot() {
        try {
            Path code = Path.of(LauncherOptions.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path candidate = code.getParent().getParent().getParent().getParent();
            if (Files.exists(candidate.resolve("mvnw"))) {
                return candidate;
            }
        } catch (URISyntaxException | NullPointerException e) {
            // not run from the build output: fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
