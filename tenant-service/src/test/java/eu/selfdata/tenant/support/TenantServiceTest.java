package eu.selfdata.tenant.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.contract.GatewaySignature;
import eu.selfdata.testsupport.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running tenant-service on the shared test PostgreSQL, with a deliberately small pool (fewer
 * connections than concurrent requests in the leak test). Every test class extends this so they
 * all share one Spring context; tests keep apart by using fresh city slugs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FaultInjection.class)
public abstract class TenantServiceTest {

    public static final String SECRET = "test-gateway-secret-0123456789";
    public static final int POOL_SIZE = 4;
    /** A test key (not a secret) sealing the connector secrets tests store. */
    public static final String CONNECTOR_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** The platform's key for city archives (backups, offboarding). */
    public static final String BACKUP_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
    /** The service's data folder (drop folders, archives) for this test JVM. */
    public static final Path DATA = temporaryFolder();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestPostgres.springDatasourceProperties().forEach((key, value) -> registry.add(key, () -> value));
        TestIdentities.shared().server().springProperties().forEach((key, value) -> registry.add(key, () -> value));
        TestIdentities.shared().mailProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("selfdata.gateway.secret", () -> SECRET);
        registry.add("selfdata.connectors.secret-key", () -> CONNECTOR_KEY);
        registry.add("selfdata.backup.key", () -> BACKUP_KEY);
        registry.add(
                "selfdata.connectors.drop-directory",
                () -> DATA.resolve("connectors").toString());
        registry.add(
                "selfdata.offboarding.archive-dir",
                () -> DATA.resolve("archives").toString());
        registry.add(
                "selfdata.mobility-carbon.takeout.storage",
                () -> DATA.resolve("takeout").toString());
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> POOL_SIZE);
        // Tests drive resumption themselves.
        registry.add("selfdata.onboarding.resume-initial-delay", () -> "1h");
        registry.add("selfdata.onboarding.resume-interval", () -> "1h");
        registry.add("selfdata.tenants.cache-ttl", () -> "0s");
        registry.add("selfdata.erasure.resume-initial-delay", () -> "1h");
        registry.add("selfdata.erasure.resume-interval", () -> "1h");
        registry.add("selfdata.erasure.retry-first", () -> "0s");
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("tenant-service-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected GatewaySignature signature;

    @Autowired
    private DataSource pool;

    protected ServiceClient client;
    protected final TestIdentities identities = TestIdentities.shared();

    @BeforeEach
    void client() {
        client = new ServiceClient(
                HttpClient.newBuilder()
                        .executor(Executors.newVirtualThreadPerTaskExecutor())
                        .connectTimeout(Duration.ofSeconds(5))
                        .build(),
                port,
                signature,
                identities);
    }

    /** A slug no other test uses. */
    protected static String freshSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static Map<String, Object> cityRequest(String slug, String name) {
        return Map.of(
                "slug",
                slug,
                "displayName",
                name,
                "population",
                77205,
                "customDomains",
                java.util.List.of(),
                "branding",
                Map.of("primaryColor", "#00607a", "secondaryColor", "#ffffff", "defaultLanguage", "fr"),
                "enabledModules",
                java.util.List.of());
    }

    /** Onboards through the coordinator API and waits for the saga to finish. */
    protected String onboard(String slug, String name) {
        return onboard(slug, name, java.util.List.of());
    }

    /** Onboards with these modules enabled. */
    protected String onboard(String slug, String name, java.util.List<String> modules) {
        Map<String, Object> request = new java.util.HashMap<>(cityRequest(slug, name));
        request.put("enabledModules", modules);
        ServiceClient.Response accepted = client.platform("POST", "/platform/tenants", request);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return awaitStatus(slug, "ACTIVE");
    }

    /** Publishes as the city's admin; returns the response. */
    protected ServiceClient.Response publish(String city, String title, String body) {
        return client.cityAs(
                identities.cityAdminToken(city),
                city,
                "POST",
                "/api/announcements",
                Map.of("title", title, "body", body));
    }

    protected String awaitStatus(String slug, String expected) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(status(slug)).isEqualTo(expected));
        return slug;
    }

    /** Borrows the whole pool as work of no city does: none may bring a city's search_path to it (rule 4). */
    protected void assertEveryPooledConnectionHasTheDefaultSearchPath() throws SQLException {
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < POOL_SIZE; i++) {
                borrowed.add(pool.getConnection());
            }
            for (Connection connection : borrowed) {
                try (ResultSet rs = connection.createStatement().executeQuery("show search_path")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("\"$user\", public");
                }
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
    }

    protected String status(String slug) {
        return client.platform("GET", "/platform/tenants/" + slug, null)
                .json()
                .path("tenant")
                .path("status")
                .asString();
    }
}
