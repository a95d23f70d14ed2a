package eu.selfdata.e2e;

import eu.selfdata.keycloak.KeycloakServer;
import eu.selfdata.launcher.DevPlatform;
import eu.selfdata.launcher.LauncherOptions;
import eu.selfdata.launcher.demo.DemoCity;
import eu.selfdata.launcher.identity.AdminApi;
import eu.selfdata.launcher.identity.DemoAccount;
import eu.selfdata.launcher.identity.DemoUsers;
import eu.selfdata.launcher.identity.PasswordStore;
import eu.selfdata.mailbox.Mailbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole platform (embedded PostgreSQL, tenant-service, governance, gateway, demo cities La Rochelle
 * and Lyon) started once per test JVM by the dev launcher, stopped when the JVM exits. Keycloak is the
 * tests' shared one; other modules' tests onboard cities called larochelle and lyon in that realm, so
 * this run's cities carry a suffix of their own ({@link #slug}) and tests name them by the demo slug.
 */
final class RunningPlatform {

    private static RunningPlatform instance;

    private final int gatewayPort;
    private final String slugSuffix;
    private final Path dataDir;
    private final KeycloakServer keycloak;
    private final DevPlatform.Started started;
    private DemoAccount coordinator;

    private RunningPlatform(
            int gatewayPort, String slugSuffix, Path dataDir, KeycloakServer keycloak, DevPlatform.Started started) {
        this.gatewayPort = gatewayPort;
        this.slugSuffix = slugSuffix;
        this.dataDir = dataDir;
        this.keycloak = keycloak;
        this.started = started;
    }

    static synchronized RunningPlatform get() throws InterruptedException {
        if (instance == null) {
            int gatewayPort = freePort();
            String slugSuffix = "-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
            KeycloakServer keycloak = KeycloakServer.shared();
            Path dataDir = tempDir();
            LauncherOptions options = LauncherOptions.parse(
                    new String[] {
                        "--gateway-port=" + gatewayPort,
                        "--tenant-service-port=" + freePort(),
                        "--governance-port=" + freePort(),
                        "--db-port=" + freePort(),
                        "--keycloak-port=" + keycloak.baseUrl().getPort(),
                        "--smtp-port=" + freePort(),
                        "--mailbox-port=" + freePort(),
                        "--data-dir=" + dataDir
                    },
                    new Properties());
            List<DemoCity> cities = DemoCity.ALL.stream()
                    .map(city -> new DemoCity(
                            city.slug() + slugSuffix, city.displayName(), city.population(), city.primaryColor()))
                    .toList();
            DevPlatform platform = new DevPlatform(options, keycloak, cities);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop"));
            instance = new RunningPlatform(gatewayPort, slugSuffix, dataDir, keycloak, platform.start());
            allowConsoleSignInOn(keycloak, gatewayPort);
        }
        return instance;
    }

    /**
     * The realm's platform-console client names the default gateway port (8080) in its redirect URIs; adds this
     * run's when missing. Coordinator tests call it again right before signing in: other test runs on the shared
     * Keycloak rewrite that client meanwhile.
     */
    void allowConsoleSignIn() throws InterruptedException {
        allowConsoleSignInOn(keycloak, gatewayPort);
    }

    private static void allowConsoleSignInOn(KeycloakServer keycloak, int gatewayPort) throws InterruptedException {
        AdminApi admin = new AdminApi(HttpClient.newHttpClient(), keycloak);
        String uuid = admin.clientUuid("platform-console").orElseThrow();
        ObjectNode client = (ObjectNode) admin.get("/clients/" + uuid);
        String redirect = "http://localhost:" + gatewayPort + "/*";
        if (client.withArray("redirectUris").valueStream().noneMatch(uri -> redirect.equals(uri.asString()))) {
            ((ArrayNode) client.withArray("redirectUris")).add(redirect);
            ((ArrayNode) client.withArray("webOrigins")).add("http://localhost:" + gatewayPort);
            admin.put("/clients/" + uuid, client);
        }
    }

    /** Every mail of this run: Keycloak's realm sends here while the platform runs. */
    Mailbox mailbox() {
        return started.mailbox();
    }

    /** The portal of a city, e.g. {@code http://lyon.localhost:PORT/} (Chromium resolves *.localhost to loopback). */
    String cityUrl(String demoSlug, String path) {
        return "http://" + slug(demoSlug) + ".localhost:" + gatewayPort + path;
    }

    /** This run's slug of a demo city ({@code larochelle}, {@code lyon}). */
    String slug(String demoSlug) {
        return demoSlug + slugSuffix;
    }

    String platformUrl(String path) {
        return "http://localhost:" + gatewayPort + path;
    }

    /** @param demoCity {@code larochelle}, {@code lyon}, or null for the coordinator */
    DemoAccount account(DemoAccount.Kind kind, String demoCity) {
        Optional<String> city = Optional.ofNullable(demoCity).map(this::slug);
        return started.accounts().stream()
                .filter(account -> account.kind() == kind && account.city().equals(city))
                .findFirst()
                .orElseThrow();
    }

    /**
     * A platform coordinator of this run only. The launcher's demo coordinator is one user of the shared
     * Keycloak, and every run (another worktree's too) gives it a new password when it starts.
     */
    synchronized DemoAccount coordinator() throws InterruptedException {
        if (coordinator == null) {
            coordinator = DemoUsers.ensureCoordinator(
                    new AdminApi(HttpClient.newHttpClient(), keycloak),
                    testPasswords(),
                    "coordination" + slugSuffix + "@tests.selfdata.eu",
                    platformUrl("/login"));
        }
        return coordinator;
    }

    /** A citizen of a demo city for one test only (the demo citizens are shared, and one test erases hers). */
    DemoAccount newCitizen(String demoCity, String name) throws InterruptedException {
        String login = name + "." + slug(demoCity) + "@tests.selfdata.eu";
        return DemoUsers.ensureCitizen(
                new AdminApi(HttpClient.newHttpClient(), keycloak),
                testPasswords(),
                slug(demoCity),
                login,
                cityUrl(demoCity, "/"));
    }

    /** The passwords of the users the tests register (the launcher keeps the demo accounts' apart). */
    private PasswordStore testPasswords() {
        return PasswordStore.open(dataDir.resolve("test-passwords.properties"));
    }

    /** A folder of a demo city below the connectors' root, as the service lays them out. */
    Path connectorFolder(String demoCity, String relative) {
        return dataDir.resolve("connectors").resolve(slug(demoCity)).resolve(relative);
    }

    /** A weighings CSV dropped as the city's operator does: written under another name, then renamed (never read half-written). */
    void dropWeighings(String demoCity, String csv) throws IOException {
        Path inbox = Files.createDirectories(
                dataDir.resolve("connectors").resolve(Path.of(slug(demoCity), "waste-weighings", "inbox")));
        Path partial = inbox.resolve("weighings-" + System.nanoTime() + ".part");
        Files.writeString(partial, csv);
        Files.move(
                partial,
                inbox.resolve(partial.getFileName().toString().replace(".part", ".csv")),
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("portal-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
