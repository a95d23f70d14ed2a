package eu.selfdata.e2e;

import eu.selfdata.keycloak.KeycloakServer;
import eu.selfdata.launcher.DevPlatform;
import eu.selfdata.launcher.LauncherOptions;
import eu.selfdata.launcher.identity.AdminApi;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import eu.selfdata.launcher.identity.DemoAccount;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * The whole platform (embedded PostgreSQL, Keycloak, tenant-service, gateway, demo cities La Rochelle
 * and Lyon) started once per test JVM by the dev launcher, stopped when the JVM exits.
 */
final class RunningPlatform {

    private static RunningPlatform instance;

    private final int gatewayPort;
    private final DevPlatform.Started started;

    private RunningPlatform(int gatewayPort, DevPlatform.Started started) {
        this.gatewayPort = gatewayPort;
        this.started = started;
    }

    static synchronized RunningPlatform get() throws InterruptedException {
        if (instance == null) {
            int gatewayPort = freePort();
            Path dataDir = tempDir();
            // Its own Keycloak, not the shared one of SELFDATA_TEST_KEYCLOAK_URL: other modules' tests onboard
            // cities with the same slugs (larochelle, lyon) in that realm. Generous timeout: CI machines are busy.
            KeycloakServer.Settings settings = KeycloakServer.Settings.forTests(Path.of("target", "keycloak"));
            KeycloakServer keycloak = KeycloakServer.start(new KeycloakServer.Settings(settings.httpPort(), settings.adminUsername(),
                    settings.adminPassword(), settings.home(), true, Duration.ofMinutes(5)));
            LauncherOptions options = LauncherOptions.parse(new String[] {
                    "--gateway-port=" + gatewayPort,
                    "--tenant-service-port=" + freePort(),
                    "--db-port=" + freePort(),
                    "--keycloak-port=" + keycloak.baseUrl().getPort(),
                    "--data-dir=" + dataDir}, new Properties());
            DevPlatform platform = new DevPlatform(options, keycloak);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                platform.close();
                keycloak.close();
            }, "platform-stop"));
            instance = new RunningPlatform(gatewayPort, platform.start());
            allowConsoleSignInOn(keycloak, gatewayPort);
        }
        return instance;
    }

    /** The realm's platform-console client names the default gateway port (8080) in its redirect URIs; add this run's. */
    private static void allowConsoleSignInOn(KeycloakServer keycloak, int gatewayPort) throws InterruptedException {
        AdminApi admin = new AdminApi(HttpClient.newHttpClient(), keycloak);
        String uuid = admin.clientUuid("platform-console").orElseThrow();
        ObjectNode client = (ObjectNode) admin.get("/clients/" + uuid);
        ((ArrayNode) client.withArray("redirectUris")).add("http://localhost:" + gatewayPort + "/*");
        ((ArrayNode) client.withArray("webOrigins")).add("http://localhost:" + gatewayPort);
        admin.put("/clients/" + uuid, client);
    }

    /** The portal of a city, e.g. {@code http://lyon.localhost:PORT/} (Chromium resolves *.localhost to loopback). */
    String cityUrl(String slug, String path) {
        return "http://" + slug + ".localhost:" + gatewayPort + path;
    }

    String platformUrl(String path) {
        return "http://localhost:" + gatewayPort + path;
    }

    DemoAccount account(DemoAccount.Kind kind, String city) {
        return started.accounts().stream()
                .filter(account -> account.kind() == kind && account.city().equals(Optional.ofNullable(city)))
                .findFirst().orElseThrow();
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
