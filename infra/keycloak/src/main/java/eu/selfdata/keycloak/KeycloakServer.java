package eu.selfdata.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real Keycloak server for development and tests: the unpacked {@code keycloak-quarkus-dist} run with
 * {@code bin/kc.sh start-dev}, the {@code selfdata} realm imported, the {@code selfdata} login theme and the
 * {@code keycloak-extensions} provider deployed. {@link #start} returns once the realm answers;
 * {@link #close} stops the server.
 *
 * <pre>{@code
 * try (KeycloakServer keycloak = KeycloakServer.start(KeycloakServer.Settings.forTests(Path.of("target/keycloak")))) {
 *     keycloak.issuer();   // http://localhost:<port>/realms/selfdata
 * }
 * // or one server for the whole test JVM, stopped when the JVM exits:
 * KeycloakServer.shared().springProperties();
 * }</pre>
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "selfdata";
    /** Confidential client with a service account allowed to manage organizations, clients and users. */
    public static final String TENANT_SERVICE_CLIENT = "tenant-service";

    /** Names a server already running that {@link #shared()} uses instead of starting one. */
    public static final String EXTERNAL_URL_VARIABLE = "SELFDATA_TEST_KEYCLOAK_URL";

    public static final String EXTERNAL_URL_PROPERTY = "selfdata.test.keycloak-url";

    private static final Logger log = Logger.getLogger(KeycloakServer.class.getName());
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    // Only a failed start waits this long: on 2 shared cores, the first augmentation alone took over 120 s.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static KeycloakServer shared;

    private final Settings settings;
    private final ServerHome home;
    private final Process process;
    private final FileChannel homeLock;
    private final Thread shutdownHook;
    private volatile String tenantServiceSecret;

    /**
     * @param httpPort      where Keycloak listens (on 127.0.0.1)
     * @param adminUsername bootstrap administrator of the master realm (created on the first start of a data dir)
     * @param adminPassword its password
     * @param home          this server's Keycloak home: its data, its augmentation, its log ({@code keycloak.log})
     * @param freshData     wipe the database first, so the realm is imported anew
     * @param startTimeout  how long to wait for the realm to answer
     */
    public record Settings(
            int httpPort,
            String adminUsername,
            String adminPassword,
            Path home,
            boolean freshData,
            Duration startTimeout) {

        public Settings {
            if (httpPort < 1 || httpPort > 65535) {
                throw new IllegalArgumentException("httpPort out of range: " + httpPort);
            }
            Objects.requireNonNull(adminUsername, "adminUsername");
            Objects.requireNonNull(adminPassword, "adminPassword");
            home = Objects.requireNonNull(home, "home").toAbsolutePath().normalize();
            Objects.requireNonNull(startTimeout, "startTimeout");
        }

        /**
         * The development server: port 8180, admin/admin, data kept between starts in {@code home}.
         */
        public static Settings forDevelopment(Path home) {
            return new Settings(8180, "admin", "admin", home, false, START_TIMEOUT);
        }

        /**
         * A throw-away server: a free port, a random admin password, the database wiped. Keep {@code home}
         * stable between runs (e.g. {@code target/keycloak}): Keycloak's one-off augmentation (~15 s) is
         * kept there.
         */
        public static Settings forTests(Path home) {
            return new Settings(freePort(), "admin", UUID.randomUUID().toString(), home, true, START_TIMEOUT);
        }

        public Settings withHttpPort(int port) {
            return new Settings(port, adminUsername, adminPassword, home, freshData, startTimeout);
        }

        @Override
        public String toString() {
            return "Settings[httpPort=" + httpPort + ", adminUsername=" + adminUsername + ", adminPassword=***, home="
                    + home + ", freshData=" + freshData + ", startTimeout=" + startTimeout + "]";
        }
    }

    /** A confidential client's credentials. */
    public record ClientCredentials(String clientId, String secret) {

        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", secret=***]";
        }
    }

    private KeycloakServer(Settings settings, ServerHome home, Process process, FileChannel homeLock) {
        this.settings = settings;
        this.home = home;
        this.process = process;
        this.homeLock = homeLock;
        this.shutdownHook = new Thread(this::stop, "keycloak-stop");
    }

    /** Starts a server and waits until the {@value #REALM} realm answers. */
    public static KeycloakServer start(Settings settings) {
        Distribution distribution = Distribution.locate();
        requireFreePort(settings.httpPort());
        ServerHome home = new ServerHome(settings.home());
        FileChannel homeLock = home.lock();
        Instant started = Instant.now();
        Process process;
        try {
            home.prepare(distribution, settings.freshData());
            process = launch(settings, home);
        } catch (RuntimeException e) {
            closeQuietly(homeLock);
            throw e;
        }
        KeycloakServer server = new KeycloakServer(settings, home, process, homeLock);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            server.awaitRealm(started);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        log.info(() -> "Keycloak " + distribution.version() + " ready at " + server.baseUrl() + " in "
                + Duration.between(started, Instant.now()).toMillis() + " ms (home " + home.dir() + ")");
        return server;
    }

    private static Process launch(Settings settings, ServerHome home) {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        "/bin/sh",
                        home.kcSh().toString(),
                        "start-dev",
                        "--http-host=127.0.0.1",
                        "--http-port=" + settings.httpPort(),
                        // a fixed issuer, whatever host name a caller uses to reach the server
                        "--hostname=http://localhost:" + settings.httpPort(),
                        "--import-realm"))
                .directory(home.dir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.log().toFile());
        Map<String, String> env = builder.environment();
        // a developer's own KC_* or JAVA_OPTS must not reconfigure this server
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUsername());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + home.kcSh(), e);
        }
    }

    /**
     * One server for the whole JVM. When {@value #EXTERNAL_URL_VARIABLE} (or the system property
     * {@value #EXTERNAL_URL_PROPERTY}) names a server already running with the realm imported — CI starts one
     * for all modules — it is used and never stopped, administered with {@code SELFDATA_TEST_KEYCLOAK_ADMIN_USERNAME}
     * / {@code _PASSWORD} (default admin/admin). Otherwise one is started on first call in {@code target/keycloak}
     * of the working directory ({@link Settings#forTests}) and stopped when the JVM exits.
     */
    public static synchronized KeycloakServer shared() {
        if (shared == null || !shared.alive()) {
            String external = setting(EXTERNAL_URL_VARIABLE, EXTERNAL_URL_PROPERTY, null);
            shared = external == null
                    ? start(Settings.forTests(Path.of("target", "keycloak")))
                    : attach(URI.create(external));
        }
        return shared;
    }

    /** A server someone else started and will stop. */
    private static KeycloakServer attach(URI baseUrl) {
        Settings settings = new Settings(
                baseUrl.getPort(),
                setting("SELFDATA_TEST_KEYCLOAK_ADMIN_USERNAME", "selfdata.test.keycloak-admin-username", "admin"),
                setting("SELFDATA_TEST_KEYCLOAK_ADMIN_PASSWORD", "selfdata.test.keycloak-admin-password", "admin"),
                Path.of("target", "keycloak"),
                false,
                Duration.ofSeconds(30));
        KeycloakServer server = new KeycloakServer(settings, null, null, null);
        server.awaitRealm(Instant.now());
        log.info(() -> "Using the Keycloak already running at " + server.baseUrl());
        return server;
    }

    private boolean alive() {
        return process == null || process.isAlive();
    }

    private static String setting(String variable, String property, String fallback) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? fallback : value;
    }

    public Settings settings() {
        return settings;
    }

    /** {@code http://localhost:<port>} */
    public URI baseUrl() {
        return URI.create("http://localhost:" + settings.httpPort());
    }

    /** {@code http://localhost:<port>/realms/selfdata}: the {@code iss} of every token of the realm. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    /**
     * The {@value #TENANT_SERVICE_CLIENT} client and its secret, which Keycloak generated when it imported the
     * realm (read once through the admin API as the bootstrap administrator).
     */
    public ClientCredentials tenantServiceClient() {
        if (tenantServiceSecret == null) {
            tenantServiceSecret = AdminRest.clientSecret(
                    baseUrl(), settings.adminUsername(), settings.adminPassword(), REALM, TENANT_SERVICE_CLIENT);
        }
        return new ClientCredentials(TENANT_SERVICE_CLIENT, tenantServiceSecret);
    }

    /**
     * Points the realm's mails (e-mail verification, password reset, invitations) at an SMTP server, e.g. the
     * dev run's or a test's mailbox on loopback. The realm file names the dev mailbox's port; a deployment sets
     * its own server in the admin console or with this.
     */
    public void useMailServer(MailServer server) {
        AdminRest.updateRealm(baseUrl(), settings.adminUsername(), settings.adminPassword(), REALM, server.realmJson());
    }

    /**
     * The realm's {@code smtpServer} (Keycloak's keys), without authentication or TLS: what a mailbox on loopback
     * needs. Values are checked, since they are written into the realm's JSON.
     */
    public record MailServer(String host, int port, String from, String fromDisplayName) {

        private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile("[A-Za-z0-9.-]{1,253}");
        private static final java.util.regex.Pattern ADDRESS =
                java.util.regex.Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}");
        private static final java.util.regex.Pattern NAME =
                java.util.regex.Pattern.compile("[\\p{L}\\p{N} ._'-]{1,100}");

        public MailServer {
            if (!HOST.matcher(host).matches()
                    || port < 1
                    || port > 65535
                    || !ADDRESS.matcher(from).matches()
                    || !NAME.matcher(fromDisplayName).matches()) {
                throw new IllegalArgumentException(
                        "Not a mail server: " + host + ":" + port + " from " + fromDisplayName + " <" + from + ">");
            }
        }

        String realmJson() {
            return "{\"smtpServer\":{\"host\":\"" + host + "\",\"port\":\"" + port + "\",\"from\":\"" + from
                    + "\",\"fromDisplayName\":\"" + fromDisplayName
                    + "\",\"ssl\":\"false\",\"starttls\":\"false\",\"auth\":\"false\"}}";
        }
    }

    /** The server's log file (stdout and stderr of kc.sh). */
    public Path log() {
        return home.log();
    }

    /**
     * Properties pointing a Spring application at this server: {@code selfdata.keycloak.*} (tenant-service's
     * admin client) and the resource server's issuer.
     */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("selfdata.keycloak.url", baseUrl().toString());
        properties.put("selfdata.keycloak.realm", REALM);
        properties.put("selfdata.keycloak.admin-client-id", TENANT_SERVICE_CLIENT);
        properties.put(
                "selfdata.keycloak.admin-client-secret", tenantServiceClient().secret());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer());
        return properties;
    }

    /** Stops the server: SIGTERM, up to 30 s for a clean shutdown, then SIGKILL. Idempotent. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrRemoved) {
            // the hook runs or has run stop() itself
        }
        stop();
    }

    private void stop() {
        if (process == null) {
            return;
        }
        // kc.sh either waits for its java child (and forwards SIGTERM) or has exec'd into it
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .toList();
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit()
                        .get(
                                Math.max(
                                        0,
                                        Duration.between(Instant.now(), deadline)
                                                .toMillis()),
                                TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                log.warning(
                        () -> "Keycloak process " + handle.pid() + " did not stop in " + STOP_TIMEOUT + "; killing it");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        closeQuietly(homeLock);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.warning(() -> "Could not release the Keycloak home lock: " + e.getMessage());
        }
    }

    private void awaitRealm(Instant started) {
        URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
        Instant deadline = started.plus(settings.startTimeout());
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (true) {
                if (process != null && !process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                            + " before the realm answered. Log " + home.log() + ":\n" + logTail());
                }
                if (answers(http, wellKnown)) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Keycloak did not answer " + wellKnown + " within "
                            + settings.startTimeout().toSeconds() + " s"
                            + (home == null ? "" : ". Log " + home.log() + ":\n" + logTail()));
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
                }
            }
        }
    }

    private static boolean answers(HttpClient http, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(home.log());
            return String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void requireFreePort(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // free
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is in use: is another Keycloak already running?", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
