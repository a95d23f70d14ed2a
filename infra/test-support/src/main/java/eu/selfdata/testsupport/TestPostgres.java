package eu.selfdata.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One PostgreSQL per test JVM, shared by every test class and Spring context: a Testcontainers
 * container when a Docker engine answers, otherwise an embedded (zonky) server. Stopped by a
 * shutdown hook when the JVM exits.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final String IMAGE = "postgres:17.5";
    private static ConnectionInfo shared;

    private TestPostgres() {}

    /** Connection details of the shared server, started on first call. */
    public static synchronized ConnectionInfo connectionInfo() {
        if (shared == null) {
            shared = dockerAvailable() ? startContainer() : startEmbedded();
        }
        return shared;
    }

    /** Spring datasource properties pointing at the shared server. */
    public static Map<String, String> springDatasourceProperties() {
        ConnectionInfo info = connectionInfo();
        return Map.of(
                "spring.datasource.url", info.jdbcUrl(),
                "spring.datasource.username", info.username(),
                "spring.datasource.password", info.password());
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static ConnectionInfo startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-stop"));
        log.info("Test PostgreSQL: Testcontainers {}", container.getJdbcUrl());
        return new ConnectionInfo(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static ConnectionInfo startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    // many test contexts each hold a pool: leave room above the default 100
                    .setServerConfig("max_connections", "300")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "test-postgres-stop"));
            String url = postgres.getJdbcUrl("postgres", "postgres");
            log.info("Test PostgreSQL: embedded {}", url);
            return new ConnectionInfo(url, "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    public record ConnectionInfo(String jdbcUrl, String username, String password) {}
}
