package eu.selfdata.launcher;

import eu.selfdata.launcher.database.Database;
import eu.selfdata.launcher.database.EmbeddedDatabase;
import eu.selfdata.launcher.database.JdbcConnection;
import eu.selfdata.launcher.demo.DemoCity;
import eu.selfdata.launcher.demo.DemoOnboarding;
import eu.selfdata.launcher.service.HealthCheck;
import eu.selfdata.launcher.service.ServiceJars;
import eu.selfdata.launcher.service.ServiceProcess;
import eu.selfdata.launcher.signing.GatewaySecret;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * PostgreSQL, tenant-service and the gateway for one developer run. {@link #close()} may come from
 * another thread at any moment (Ctrl-C during start-up): it stops whatever was started so far,
 * services first, PostgreSQL last.
 */
public final class DevPlatform implements AutoCloseable {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    // governance is not started yet; the gateway still needs somewhere to route it
    private static final String GOVERNANCE_URI = "http://localhost:8082";

    private final LauncherOptions options;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final CompletableFuture<ServiceProcess> unexpectedExit = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private Database database;
    private boolean stopping;

    public DevPlatform(LauncherOptions options) {
        this.options = options;
    }

    /** The running platform, once every service answers and the demo cities are served. */
    public record Started(JdbcConnection database, List<ServiceProcess> services, List<DemoCity> cities) {
    }

    public Started start() throws InterruptedException {
        Database db = adopt(options.externalDatabase()
                .map(Database::external)
                .orElseGet(() -> EmbeddedDatabase.start(options.dataDir().resolve("postgres"), options.databasePort(),
                        options.logDir().resolve("postgres.log"))));
        GatewaySecret secret = GatewaySecret.random();
        secret.writeTo(options.secretFile());
        if (options.databaseOnly()) {
            return new Started(db.connection(), List.of(), List.of());
        }

        // both at once: their start-ups overlap, the gateway copes with tenant-service not answering yet
        ServiceProcess tenantService = adopt(ServiceProcess.start("tenant-service",
                ServiceJars.locate(options.repoRoot(), "tenant-service", options.tenantServiceJar()),
                tenantServiceArguments(db.connection(), secret), options.logDir()));
        ServiceProcess gateway = adopt(ServiceProcess.start("platform-gateway",
                ServiceJars.locate(options.repoRoot(), "platform-gateway", options.gatewayJar()),
                gatewayArguments(secret), options.logDir()));
        HealthCheck health = new HealthCheck(http);
        health.awaitUp(tenantService, local(options.tenantServicePort(), "/actuator/health"), HEALTH_TIMEOUT);
        health.awaitUp(gateway, local(options.gatewayPort(), "/actuator/health"), HEALTH_TIMEOUT);

        List<DemoCity> cities = options.skipDemo() ? List.of() : DemoCity.ALL;
        new DemoOnboarding(http, local(options.tenantServicePort(), "/"), secret, local(options.gatewayPort(), "/"))
                .onboard(cities);
        return new Started(db.connection(), List.of(tenantService, gateway), cities);
    }

    /** Completes with the first service that exits while nobody asked it to. */
    public CompletableFuture<ServiceProcess> unexpectedExit() {
        return unexpectedExit.copy();
    }

    public synchronized boolean isStopping() {
        return stopping;
    }

    /** Stops the services (SIGTERM, then a kill after 20 s), then PostgreSQL. Idempotent; later callers wait. */
    @Override
    public void close() {
        boolean first;
        List<ServiceProcess> running;
        Database started;
        synchronized (this) {
            first = !stopping;
            stopping = true;
            running = List.copyOf(services);
            started = database;
        }
        if (!first) {
            stopped.join();
            return;
        }
        try {
            stop(running);
            if (started != null) {
                started.close();
            }
        } finally {
            stopped.complete(null);
        }
    }

    private static void stop(List<ServiceProcess> services) {
        List<ServiceProcess> running = services.stream().filter(ServiceProcess::isAlive).toList();
        if (running.isEmpty()) {
            return;
        }
        System.out.println("Stopping " + running);
        running.forEach(ServiceProcess::requestStop);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        running.forEach(service -> service.awaitStop(deadline));
    }

    private Database adopt(Database started) {
        synchronized (this) {
            if (!stopping) {
                database = started;
                return started;
            }
        }
        started.close();
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

    private List<String> tenantServiceArguments(JdbcConnection db, GatewaySecret secret) {
        return List.of(
                "--server.port=" + options.tenantServicePort(),
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--selfdata.gateway.secret=" + secret.value());
    }

    private List<String> gatewayArguments(GatewaySecret secret) {
        return List.of(
                "--server.port=" + options.gatewayPort(),
                "--selfdata.base-domain=localhost",
                "--selfdata.routes.tenant-service-uri=http://localhost:" + options.tenantServicePort(),
                "--selfdata.routes.governance-uri=" + GOVERNANCE_URI,
                "--selfdata.gateway.secret=" + secret.value());
    }

    private static URI local(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
