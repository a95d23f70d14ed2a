package eu.selfdata.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.launcher.identity.AdminApi;
import eu.selfdata.launcher.identity.DemoAccount;
import eu.selfdata.launcher.service.ServiceProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The real launcher on free ports with a throw-away embedded PostgreSQL and Keycloak, and the service
 * jars the build copied to target/services. Needs -Djdk.httpclient.allowRestrictedHeaders=host (set by
 * failsafe).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class DevLauncherIT {

    @TempDir
    static Path dataDir;

    private static final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static int gatewayPort;
    private static int databasePort;
    private static int keycloakPort;
    private static LauncherOptions options;
    private static DevPlatform platform;
    private static DevPlatform.Started started;

    @BeforeAll
    static void startLauncher() throws Exception {
        gatewayPort = freePort();
        databasePort = freePort();
        keycloakPort = freePort();
        int tenantServicePort = freePort();
        int governancePort = freePort();
        options = LauncherOptions.parse(
                new String[] {
                    "--gateway-port=" + gatewayPort,
                    "--tenant-service-port=" + tenantServicePort,
                    "--governance-port=" + governancePort,
                    "--db-port=" + databasePort,
                    "--keycloak-port=" + keycloakPort,
                    "--smtp-port=" + freePort(),
                    "--mailbox-port=" + freePort(),
                    "--data-dir=" + dataDir
                },
                new Properties());
        assertThat(options.repoRoot().resolve("infra/dev-launcher/target/services/tenant-service.jar"))
                .isRegularFile();
        assertThat(options.repoRoot().resolve("infra/dev-launcher/target/services/platform-gateway.jar"))
                .isRegularFile();
        assertThat(options.repoRoot().resolve("infra/dev-launcher/target/services/governance.jar"))
                .isRegularFile();
        platform = new DevPlatform(options);
        started = platform.start();
    }

    @AfterAll
    static void stopLauncher() {
        if (platform != null) {
            platform.close();
        }
    }

    @ParameterizedTest(name = "{1} on {0}.localhost")
    @CsvSource({"larochelle, La Rochelle, #00607a, Lyon", "lyon, Lyon, #c8102e, La Rochelle"})
    @Order(1)
    void eachCityPortalIsServedInItsColoursOnItsOwnHost(String slug, String name, String primaryColor, String otherCity)
            throws Exception {
        HttpResponse<String> page = getThroughGateway("/", slug + ".localhost:" + gatewayPort);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains(name).contains(primaryColor).doesNotContain(otherCity);
    }

    @Test
    @Order(2)
    void unknownCityHostIsA404Problem() throws Exception {
        HttpResponse<String> answer = getThroughGateway("/", "atlantis.localhost:" + gatewayPort);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":404");
    }

    @Test
    @Order(3)
    void theCoordinatorIsAPersonWithTheRealmRoleAndNoCity() throws Exception {
        AdminApi admin = new AdminApi(http, started.keycloak());
        JsonNode coordinator = admin.user("coordination@demo.selfdata.eu").orElseThrow();

        assertThat(coordinator.path("email").asString()).isEqualTo("coordination@demo.selfdata.eu");
        assertThat(coordinator.path("firstName").asString()).isNotBlank();
        assertThat(coordinator.path("lastName").asString()).isNotBlank();
        assertThat(admin.realmRolesOf(coordinator.path("id").asString())).contains("platform-coordinator");
        assertThat(admin.organizationsOf(coordinator.path("id").asString())).isEmpty();
        assertThat(admin.hasPassword(coordinator.path("id").asString())).isTrue();
    }

    @ParameterizedTest(name = "{0}: admin and citizen")
    @CsvSource({"larochelle", "lyon"})
    @Order(4)
    void eachCityHasAnAdminAndACitizenOfThatCityOnly(String slug) throws Exception {
        AdminApi admin = new AdminApi(http, started.keycloak());
        JsonNode cityAdmin = admin.user("admin." + slug + "@demo.selfdata.eu").orElseThrow();
        JsonNode citizen = admin.user("camille." + slug + "@demo.selfdata.eu").orElseThrow();

        assertThat(admin.organizationsOf(cityAdmin.path("id").asString())).containsExactly(slug);
        assertThat(admin.clientRolesOf(cityAdmin.path("id").asString(), "portal-" + slug))
                .contains("city-admin");
        assertThat(admin.hasPassword(cityAdmin.path("id").asString()))
                .as("temporary password issued")
                .isTrue();
        assertThat(admin.organizationsOf(citizen.path("id").asString())).containsExactly(slug);
        assertThat(admin.clientRolesOf(citizen.path("id").asString(), "portal-" + slug))
                .doesNotContain("city-admin");
        assertThat(admin.realmRolesOf(citizen.path("id").asString())).doesNotContain("platform-coordinator");
        assertThat(citizen.path("emailVerified").asBoolean()).isTrue();
        assertThat(citizen.path("firstName").asString()).isNotBlank();
        assertThat(citizen.path("lastName").asString()).isNotBlank();
    }

    @Test
    @Order(5)
    void theSummaryPrintsEveryAccountWithTheStoredPassword() throws IOException {
        String summary = DevLauncher.summary(options, started);
        Properties stored = new Properties();
        try (var reader = Files.newBufferedReader(options.demoPasswordsFile())) {
            stored.load(reader);
        }

        assertThat(started.accounts())
                .extracting(DemoAccount::login)
                .containsExactly(
                        "coordination@demo.selfdata.eu",
                        "admin.larochelle@demo.selfdata.eu",
                        "camille.larochelle@demo.selfdata.eu",
                        "admin.lyon@demo.selfdata.eu",
                        "camille.lyon@demo.selfdata.eu");
        for (DemoAccount account : started.accounts()) {
            String password = stored.getProperty(account.login());
            assertThat(password).as(account.login()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(summary).contains(account.login() + " / " + password);
        }
        assertThat(summary)
                .contains("coordination@demo.selfdata.eu / " + stored.getProperty("coordination@demo.selfdata.eu")
                        + " on http://localhost:" + gatewayPort + "/login");
        assertThat(summary)
                .contains("admin.lyon@demo.selfdata.eu / " + stored.getProperty("admin.lyon@demo.selfdata.eu")
                        + " (temporary: change at first sign-in)");
        assertThat(summary).contains("http://larochelle.localhost:" + gatewayPort + "/");
        assertThat(summary)
                .contains("Mails")
                .contains(started.mailbox().pageUrl().toString());
    }

    @Test
    @Order(5)
    void theDemoCitiesFirstAdminsAreInvitedByMailsTheRunsMailboxShows() throws Exception {
        for (String city : List.of("La Rochelle", "Lyon")) {
            String admin = "admin." + city.toLowerCase().replace(" ", "") + "@demo.selfdata.eu";
            var invitation = started.mailbox()
                    .await(admin, mail -> mail.subject().startsWith(city + " : "), java.time.Duration.ofSeconds(30));
            assertThat(invitation.link("action-token")).isPresent();
        }
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            String page = http.send(
                            java.net.http.HttpRequest.newBuilder(
                                            started.mailbox().pageUrl())
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(page)
                    .contains("admin.larochelle@demo.selfdata.eu")
                    .contains("La Rochelle : activez votre compte");
        }
        // the services' own mails (notices to citizens, a stopped pilot's mails) go to the same mailbox
        assertThat(Files.readString(dataDir.resolve("tenant-service.args")))
                .contains(
                        "--spring.mail.host=" + started.mailbox().smtpHost(),
                        "--spring.mail.port=" + started.mailbox().smtpPort());
    }

    @Test
    @Order(6)
    void secretsOfTheRunAreReadableByTheirOwnerOnly() throws IOException {
        for (String file :
                List.of("gateway-secret", "coordinator-secret", "tenant-service.args", "demo-passwords.properties")) {
            assertThat(Files.getPosixFilePermissions(dataDir.resolve(file)))
                    .as(file)
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(Files.readString(dataDir.resolve("gateway-secret"))).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    @Order(7)
    void governanceAnswersThroughTheGatewayAndKeepsTheConsortiumToItsMembers() throws Exception {
        HttpResponse<String> questionnaire =
                getThroughGateway("/governance/readiness/questionnaire", "larochelle.localhost");
        HttpResponse<String> partners = getThroughGateway("/governance/partners", "localhost");

        assertThat(questionnaire.statusCode()).isEqualTo(200);
        assertThat(questionnaire.body()).contains("fing-2021", "Culture Self Data");
        assertThat(partners.statusCode()).as("the consortium is not public").isEqualTo(401);
    }

    @Test
    @Order(8)
    void stoppingTheLauncherEndsTheServicesKeycloakAndPostgres() {
        List<Long> pids = started.services().stream().map(ServiceProcess::pid).toList();
        assertThat(pids)
                .hasSize(3)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isPresent());

        platform.close();

        assertThat(pids)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                        .isEmpty());
        assertThat(accepts(databasePort))
                .as("PostgreSQL still listens on %d", databasePort)
                .isFalse();
        assertThat(accepts(keycloakPort))
                .as("Keycloak still listens on %d", keycloakPort)
                .isFalse();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    private static HttpResponse<String> getThroughGateway(String path, String host)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + path))
                .header("Host", host)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
