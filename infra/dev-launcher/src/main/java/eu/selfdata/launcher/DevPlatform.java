package eu.selfdata.launcher;

import eu.selfdata.keycloak.KeycloakServer;
import eu.selfdata.launcher.database.EmbeddedDatabase;
import eu.selfdata.launcher.database.JdbcConnection;
import eu.selfdata.launcher.demo.DemoCity;
import eu.selfdata.launcher.demo.DemoOnboarding;
import eu.selfdata.launcher.identity.AdminApi;
import eu.selfdata.launcher.identity.DemoAccount;
import eu.selfdata.launcher.identity.DemoUsers;
import eu.selfdata.launcher.identity.DevCoordinator;
import eu.selfdata.launcher.identity.PasswordStore;
import eu.selfdata.launcher.service.HealthCheck;
import eu.selfdata.launcher.service.ServiceJars;
import eu.selfdata.launcher.service.ServiceProcess;
import eu.selfdata.mailbox.Mailbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * PostgreSQL, Keycloak, tenant-service, governance and the gateway for one developer run. {@link #close()} may
 * come from another thread at any moment (Ctrl-C during start-up): it stops whatever was started so
 * far, services first, then Keycloak and PostgreSQL.
 */
public final class DevPlatform implements AutoCloseable {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    // governance's Keycloak client (in the realm file; added here to a dev Keycloak imported before it was)
    private static final String GOVERNANCE_CLIENT = "governance";
    private static final String MAIL_FROM = "no-reply@selfdata.localhost";
    private static final String MAIL_FROM_NAME = "Self Data Territorial";

    private final LauncherOptions options;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final CompletableFuture<ServiceProcess> unexpectedExit = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<Infrastructure> infrastructure = new ArrayList<>();
    private boolean stopping;

    private final KeycloakServer runningKeycloak;
    private final List<DemoCity> demoCities;

    public DevPlatform(LauncherOptions options) {
        this(options, null, DemoCity.ALL);
    }

    /**
     * With a Keycloak someone else runs and stops (the tests' shared one), on {@code options.keycloakPort()},
     * or null to start one; and the demo cities to onboard (tests sharing a realm give them slugs of their own).
     */
    public DevPlatform(LauncherOptions options, KeycloakServer runningKeycloak, List<DemoCity> demoCities) {
        this.options = options;
        this.runningKeycloak = runningKeycloak;
        this.demoCities = List.copyOf(demoCities);
    }

    /**
     * The running platform, once every service answers and the demo cities are served.
     *
     * @param accounts the coordinator, then each demo city's admin and citizen
     */
    public record Started(
            JdbcConnection database,
            KeycloakServer keycloak,
            Mailbox mailbox,
            List<ServiceProcess> services,
            List<DemoCity> cities,
            List<DemoAccount> accounts) {}

    /** Something the services need, stopped after them. */
    private record Infrastructure(String name, AutoCloseable resource) {}

    public Started start() throws InterruptedException {
        // Keycloak takes longest (15-35 s): it starts while PostgreSQL and the gateway do
        CompletableFuture<KeycloakServer> keycloakStarting = runningKeycloak != null
                ? CompletableFuture.completedFuture(runningKeycloak)
                : CompletableFuture.supplyAsync(
                        () -> adopt(
                                "Keycloak",
                                KeycloakServer.start(KeycloakServer.Settings.forDevelopment(
                                                options.dataDir().resolve("keycloak"))
                                        .withHttpPort(options.keycloakPort()))),
                        task -> Thread.ofPlatform().name("keycloak-start").start(task));
        // every mail of the run (Keycloak's verifications, resets, invitations) lands here and nowhere else
        Mailbox mailbox = adopt("Mailbox", Mailbox.start(options.smtpPort(), options.mailboxPort()));
        JdbcConnection db = options.externalDatabase()
                .orElseGet(() -> adopt(
                                "PostgreSQL",
                                EmbeddedDatabase.start(
                                        options.dataDir().resolve("postgres"),
                                        options.databasePort(),
                                        options.logDir().resolve("postgres.log")))
                        .connection());
        GatewaySecret secret = GatewaySecret.random();
        PrivateFiles.write(options.gatewaySecretFile(), secret.value());
        String issuer = "http://localhost:" + options.keycloakPort() + "/realms/" + KeycloakServer.REALM;
        ServiceProcess gateway = options.infraOnly()
                ? null
                : adopt(ServiceProcess.start(
                        "platform-gateway",
                        ServiceJars.locate(options.repoRoot(), "platform-gateway", options.gatewayJar()),
                        gatewayArguments(secret, issuer),
                        options.logDir()));

        KeycloakServer keycloak = await(keycloakStarting);
        keycloak.useMailServer(
                new KeycloakServer.MailServer(mailbox.smtpHost(), mailbox.smtpPort(), MAIL_FROM, MAIL_FROM_NAME));
        DevCoordinator coordinator = DevCoordinator.ensure(http, keycloak);
        PrivateFiles.write(options.coordinatorSecretFile(), coordinator.secret());
        PasswordStore passwords = PasswordStore.open(options.demoPasswordsFile());
        DemoAccount coordinatorUser = DemoUsers.ensureCoordinator(
                new AdminApi(http, keycloak), passwords, "http://localhost:" + options.gatewayPort() + "/login");
        PlatformKey connectorKey = PlatformKey.loadOrCreate(options.dataDir().resolve("connector-secret.key"));
        PlatformKey backupKey = PlatformKey.loadOrCreate(options.dataDir().resolve("backup.key"));
        List<String> tenantServiceArguments =
                tenantServiceArguments(db, secret, connectorKey, backupKey, keycloak.springProperties(), mailbox);
        PrivateFiles.write(options.tenantServiceArgumentsFile(), String.join("\n", tenantServiceArguments) + "\n");
        if (options.infraOnly()) {
            return new Started(db, keycloak, mailbox, List.of(), List.of(), List.of(coordinatorUser));
        }

        ServiceProcess tenantService = adopt(ServiceProcess.start(
                "tenant-service",
                ServiceJars.locate(options.repoRoot(), "tenant-service", options.tenantServiceJar()),
                tenantServiceArguments,
                options.logDir()));
        String governanceSecret = DevCoordinator.coordinatorClient(
                new AdminApi(http, keycloak),
                GOVERNANCE_CLIENT,
                "Governance service (calls tenant-service: module switches for pilots, usage, charter)");
        ServiceProcess governance = adopt(ServiceProcess.start(
                "governance",
                ServiceJars.locate(options.repoRoot(), "governance", options.governanceJar()),
                governanceArguments(db, secret, keycloak, governanceSecret, mailbox),
                options.logDir()));
        HealthCheck health = new HealthCheck(http);
        health.awaitUp(gateway, local(options.gatewayPort(), "/actuator/health"), HEALTH_TIMEOUT);
        health.awaitUp(tenantService, local(options.tenantServicePort(), "/actuator/health"), HEALTH_TIMEOUT);
        health.awaitUp(governance, local(options.governancePort(), "/actuator/health"), HEALTH_TIMEOUT);

        List<DemoCity> cities = options.skipDemo() ? List.of() : demoCities;
        List<DemoAccount> accounts = new ArrayList<>(List.of(coordinatorUser));
        accounts.addAll(new DemoOnboarding(http, local(options.gatewayPort(), "/"), coordinator, keycloak, passwords)
                .onboard(cities));
        return new Started(
                db, keycloak, mailbox, List.of(tenantService, governance, gateway), cities, List.copyOf(accounts));
    }

    /** Completes with the first service that exits while nobody asked it to. */
    public CompletableFuture<ServiceProcess> unexpectedExit() {
        return unexpectedExit.copy();
    }

    public synchronized boolean isStopping() {
        return stopping;
    }

    /** Stops the services (SIGTERM, then a kill after 20 s), then Keycloak and PostgreSQL. Idempotent; later callers wait. */
    @Override
    public void close() {
        boolean first;
        List<ServiceProcess> running;
        List<Infrastructure> started;
        synchronized (this) {
            first = !stopping;
            stopping = true;
            running = List.copyOf(services);
            started = List.copyOf(infrastructure);
        }
        if (!first) {
            stopped.join();
            return;
        }
        try {
            stop(running);
            started.forEach(DevPlatform::stop);
        } finally {
            stopped.complete(null);
        }
    }

    private static void stop(List<ServiceProcess> services) {
        List<ServiceProcess> running =
                services.stream().filter(ServiceProcess::isAlive).toList();
        if (running.isEmpty()) {
            return;
        }
        System.out.println("Stopping " + running);
        running.forEach(ServiceProcess::requestStop);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        running.forEach(service -> service.awaitStop(deadline));
    }

    private static void stop(Infrastructure started) {
        System.out.println("Stopping " + started.name());
        try {
            started.resource().close();
        } catch (Exception e) {
            System.err.println(started.name() + " did not stop cleanly: " + e);
        }
    }

    private <T extends AutoCloseable> T adopt(String name, T started) {
        synchronized (this) {
            if (!stopping) {
                infrastructure.add(new Infrastructure(name, started));
                return started;
            }
        }
        stop(new Infrastructure(name, started));
        throw new CancellationException("stopping");
    }

    private ServiceProcess adopt(ServiceProcess started) {
        synchronized (this) {
            if (!stopping) {
                services.add(started);
                started.onExit().thenAccept(this::exited);
                return started;
            }
        }
        stop(List.of(started));
        throw new CancellationException("stopping");
    }

    private synchronized void exited(ServiceProcess service) {
        if (!stopping) {
            unexpectedExit.complete(service);
        }
    }

    private static <T> T await(CompletableFuture<T> starting) throws InterruptedException {
        try {
            return starting.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new CompletionException(e.getCause());
        }
    }

    private List<String> tenantServiceArguments(
            JdbcConnection db,
            GatewaySecret secret,
            PlatformKey connectorKey,
            PlatformKey backupKey,
            Map<String, String> keycloak,
            Mailbox mailbox) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + options.tenantServicePort(),
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--selfdata.gateway.secret=" + secret.value(),
                // the portal clients' redirect URIs name the gateway's port (8080 unless --gateway-port)
                "--selfdata.public.port=" + options.gatewayPort(),
                // where the demo cities' operators drop their weighings files: {dir}/{city}/waste-weighings/inbox
                "--selfdata.connectors.drop-directory=" + options.dataDir().resolve("connectors"),
                "--selfdata.connectors.secret-key=" + connectorKey.value(),
                "--selfdata.backup.key=" + backupKey.value(),
                "--selfdata.offboarding.archive-dir=" + options.dataDir().resolve("archives"),
                "--selfdata.mobility-carbon.takeout.storage="
                        + options.dataDir().resolve("takeout"),
                // the coordinator console links to the run's mails
                "--selfdata.mail.viewer-url=" + mailbox.pageUrl(),
                // governance forgets an erased citizen (panels, votes) when tenant-service asks
                "--selfdata.governance.url=http://localhost:" + options.governancePort(),
                // the services' own mails (notices to citizens) go to the run's mailbox too
                "--spring.mail.host=" + mailbox.smtpHost(),
                "--spring.mail.port=" + mailbox.smtpPort()));
        // selfdata.keycloak.* (onboarding creates each city's Organization and portal client) and the token issuer
        keycloak.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return arguments;
    }

    private List<String> governanceArguments(
            JdbcConnection db, GatewaySecret secret, KeycloakServer keycloak, String clientSecret, Mailbox mailbox) {
        return List.of(
                "--spring.mail.host=" + mailbox.smtpHost(),
                "--spring.mail.port=" + mailbox.smtpPort(),
                "--server.port=" + options.governancePort(),
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--selfdata.gateway.secret=" + secret.value(),
                "--selfdata.keycloak.url=" + keycloak.baseUrl(),
                "--selfdata.keycloak.realm=" + KeycloakServer.REALM,
                "--selfdata.tenant-service.url=http://localhost:" + options.tenantServicePort(),
                "--selfdata.tenant-service.client-secret=" + clientSecret);
    }

    private List<String> gatewayArguments(GatewaySecret secret, String issuer) {
        return List.of(
                "--server.port=" + options.gatewayPort(),
                "--selfdata.base-domain=localhost",
                "--selfdata.routes.tenant-service-uri=http://localhost:" + options.tenantServicePort(),
                "--selfdata.routes.governance-uri=http://localhost:" + options.governancePort(),
                "--selfdata.identity.issuer-uri=" + issuer,
                "--selfdata.gateway.secret=" + secret.value());
    }

    private static URI local(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
