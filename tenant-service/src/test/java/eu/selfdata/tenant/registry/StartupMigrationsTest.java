package eu.selfdata.tenant.registry;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.TenantServiceApplication;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import eu.selfdata.tenant.tenancy.MigrationState;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.tenant.tenancy.TenantMigrations;
import eu.selfdata.testsupport.TestPostgres;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A second instance starting on a database that already holds many cities, one of them broken. */
class StartupMigrationsTest extends TenantServiceTest {

    private static final int CITIES = 40;

    @Autowired
    DataSource dataSource;

    @Test
    void startUpMigratesEveryCityAndReportsTheOneThatFailedInHealth() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> cities = new ArrayList<>();
        IntStream.range(0, CITIES).forEach(i -> cities.add(registerWithoutSchema(jdbc, freshSlug("boot"))));
        String broken = registerWithoutSchema(jdbc, freshSlug("broken"));
        // A table in the way of the first changeset: this city's migration must fail.
        jdbc.sql("create schema " + TenantId.of(broken).quotedSchema()).update();
        jdbc.sql("create table " + TenantId.of(broken).quotedSchema() + ".announcement (id int)")
                .update();

        try (ConfigurableApplicationContext second = startSecondInstance()) {
            TenantMigrations migrations = second.getBean(TenantMigrations.class);
            for (String city : cities) {
                assertThat(migrations.state(TenantId.of(city)))
                        .get()
                        .extracting(MigrationState::status)
                        .isEqualTo(MigrationState.Status.MIGRATED);
                assertThat(migrations.schemaExists(TenantId.of(city))).isTrue();
            }
            assertThat(migrations.state(TenantId.of(broken)))
                    .get()
                    .extracting(MigrationState::status)
                    .isEqualTo(MigrationState.Status.FAILED);

            int port = Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port"));
            ServiceClient secondClient = new ServiceClient(HttpClient.newHttpClient(), port, signature, identities);
            JsonNode health = secondClient.raw("GET", "/actuator/health").json();
            assertThat(health.path("components")
                            .path("tenantSchemas")
                            .path("status")
                            .asString())
                    .isEqualTo("DEGRADED");
            assertThat(health.path("components")
                            .path("tenantSchemas")
                            .path("details")
                            .path("failed")
                            .has(broken))
                    .isTrue();

            ServiceClient.Response refused = secondClient.city(broken, "GET", "/api/announcements", null);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.problemType()).isEqualTo("tenant-unavailable");
            assertThat(secondClient
                            .city(cities.getFirst(), "GET", "/api/announcements", null)
                            .status())
                    .isEqualTo(200);
        } finally {
            jdbc.sql("update platform.tenant set status = 'OFFBOARDED' where slug = ?")
                    .param(broken)
                    .update();
        }
    }

    private static String registerWithoutSchema(JdbcClient jdbc, String slug) {
        jdbc.sql("""
                insert into platform.tenant (slug, display_name, population, primary_color, secondary_color, default_language, status)
                values (?, ?, 1000, '#00607a', '#ffffff', 'fr', 'ACTIVE')""").params(slug, slug).update();
        return slug;
    }

    private static ConfigurableApplicationContext startSecondInstance() {
        TestPostgres.ConnectionInfo db = TestPostgres.connectionInfo();
        java.util.List<String> args = new java.util.ArrayList<>();
        eu.selfdata.tenant.support.TestIdentities.shared()
                .server()
                .springProperties()
                .forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(java.util.List.of(
                "--server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.maximum-pool-size=" + POOL_SIZE,
                "--selfdata.gateway.secret=" + SECRET,
                "--selfdata.connectors.secret-key=" + TenantServiceTest.CONNECTOR_KEY,
                "--selfdata.backup.key=" + TenantServiceTest.BACKUP_KEY,
                "--selfdata.connectors.drop-directory=" + TenantServiceTest.DATA.resolve("connectors"),
                "--selfdata.mobility-carbon.takeout.storage=" + TenantServiceTest.DATA.resolve("takeout"),
                "--selfdata.onboarding.resume-initial-delay=1h",
                "--spring.jmx.enabled=false"));
        return new SpringApplicationBuilder(TenantServiceApplication.class).run(args.toArray(String[]::new));
    }
}
