package eu.selfdata.tenant.backup;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.tenancy.ClusterName;
import eu.selfdata.tenant.tenancy.DatabaseClusters;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.usecase.api.CityDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Cities on two PostgreSQL servers: the shared test server as {@code main} and a second embedded one as
 * {@code east}, started here. One pool per cluster whatever the number of cities, isolation across
 * clusters, and moves: a moved city serves its citizens everything from the target while its source
 * schema is gone; a failed or interrupted move leaves the city whole on its source.
 */
class CityClustersTest extends SelfDataTest {

    private static final int EAST_POOL = 3;
    private static EmbeddedPostgres east;

    @DynamicPropertySource
    static void eastCluster(DynamicPropertyRegistry registry) {
        registry.add("selfdata.database.clusters.east.url", () -> east().getJdbcUrl("postgres", "postgres"));
        registry.add("selfdata.database.clusters.east.username", () -> "postgres");
        registry.add("selfdata.database.clusters.east.password", () -> "postgres");
        registry.add("selfdata.database.clusters.east.maximum-pool-size", () -> EAST_POOL);
    }

    private static synchronized EmbeddedPostgres east() {
        if (east == null) {
            try {
                east = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the second embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(CityClustersTest::stopEast, "east-postgres-stop"));
        }
        return east;
    }

    private static void stopEast() {
        try {
            east.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    private DatabaseClusters clusters;

    @Autowired
    private DataSource mainPool;

    @Autowired
    private CityDirectory directory;

    @Test
    void citiesOnTwoClustersUseExactlyOnePoolPerCluster() {
        List<String> onMain = new ArrayList<>();
        List<String> onEast = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            onMain.add(onboardOn("main", freshSlug("pool-m"), List.of()));
            onEast.add(onboardOn("east", freshSlug("pool-e"), List.of()));
        }
        for (String city : onEast) {
            assertThat(publish(city, "News", "from " + city).status()).isEqualTo(201);
            assertThat(client.city(city, "GET", "/api/announcements", null).body())
                    .contains("from " + city);
        }

        assertThat(clusters.names()).containsExactlyInAnyOrder(ClusterName.MAIN, new ClusterName("east"));
        onEast.forEach(city -> assertThat(schemaOn(east(), city)).isTrue());
        onEast.forEach(city -> assertThat(schemaOn(mainPool, city)).isFalse());
        onMain.forEach(city -> assertThat(schemaOn(east(), city)).isFalse());
        onMain.forEach(city -> assertThat(schemaOn(mainPool, city)).isTrue());
        // Three cities on east, never more connections than east's one pool holds (the probe is one more).
        assertThat(JdbcClient.create(east().getPostgresDatabase())
                        .sql("select count(*) from pg_stat_activity where backend_type = 'client backend'")
                        .query(Integer.class)
                        .single())
                .isLessThanOrEqualTo(EAST_POOL + 1);
    }

    @Test
    void theSameIdInCitiesOnTwoClustersShowsEachCityOnlyItsOwn() {
        String rochelle = onboardOn("main", freshSlug("larochelle"), List.of());
        String lyon = onboardOn("east", freshSlug("lyon"), List.of());

        long rochelleId =
                publish(rochelle, "Marché", "Rochelle news").json().path("id").asLong();
        long lyonId = publish(lyon, "Fête", "Lyon news").json().path("id").asLong();

        assertThat(rochelleId).isEqualTo(lyonId);
        assertThat(client.city(rochelle, "GET", "/api/announcements/" + rochelleId, null)
                        .body())
                .contains("Rochelle news")
                .doesNotContain("Lyon news");
        assertThat(client.city(lyon, "GET", "/api/announcements/" + lyonId, null)
                        .body())
                .contains("Lyon news")
                .doesNotContain("Rochelle news");
        ServiceClient.Response crossing =
                client.cityAs(identities.cityAdminToken(lyon), rochelle, "GET", "/api/announcements", null);
        assertThat(crossing.status()).isEqualTo(403);
        assertThat(crossing.problemType()).isEqualTo("wrong-city");
        assertThat(crossing.body()).doesNotContain("Rochelle news");
    }

    @Test
    void anUnknownClusterIsRefusedAndNothingIsRegistered() {
        String slug = freshSlug("west");
        Map<String, Object> request = new HashMap<>(cityRequest(slug, "West"));
        request.put("cluster", "west");
        ServiceClient.Response refused = client.platform("POST", "/platform/tenants", request);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemType()).isEqualTo("unknown-cluster");
        assertThat(client.platform("GET", "/platform/tenants/" + slug, null).status())
                .isEqualTo(404);

        request.put("cluster", "east'; drop schema platform --");
        ServiceClient.Response hostile = client.platform("POST", "/platform/tenants", request);
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(client.platform("GET", "/platform/tenants/" + slug, null).status())
                .isEqualTo(404);

        String city = onboardOn("main", freshSlug("stay"), List.of());
        ServiceClient.Response move =
                client.platform("POST", "/platform/tenants/" + city + "/move", Map.of("cluster", "west"));
        assertThat(move.status()).isEqualTo(400);
        assertThat(move.problemType()).isEqualTo("unknown-cluster");
    }

    @Test
    void aMovedCityServesItsCitizensAllTheirDataAndItsSourceSchemaIsGone() throws IOException {
        String city = cityWithObservations("move", "Moved");
        String name = person("mover");
        String token = identities.citizenToken(city, name);
        giveConsent(token, city);
        observe(token, city, "steps", 1200);
        observe(token, city, "steps", 800);
        Citizen before = citizen(token, city);
        // Only the coordinator moves a city: its own admin, on its host or the platform's, cannot.
        String admin = identities.cityAdminToken(city);
        assertThat(client.platformAs(admin, "POST", "/platform/tenants/" + city + "/move", Map.of("cluster", "east"))
                        .status())
                .isEqualTo(403);
        assertThat(client.cityAs(admin, city, "POST", "/platform/tenants/" + city + "/move", Map.of("cluster", "east"))
                        .status())
                .isIn(403, 404);
        assertThat(schemaOn(mainPool, city)).isTrue();
        assertThat(schemaOn(east(), city)).isFalse();

        ServiceClient.Response moved =
                client.platform("POST", "/platform/tenants/" + city + "/move", Map.of("cluster", "east"));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("state").asString()).isEqualTo("DONE");
        assertThat(moved.json().path("tables").path("citizen").asLong()).isEqualTo(1);
        assertThat(schemaOn(mainPool, city)).isFalse();
        assertThat(schemaOn(east(), city)).isTrue();
        assertThat(citizen(token, city)).isEqualTo(before);
        assertThat(before.observations()).contains("1200").contains("800");
        observe(token, city, "steps", 300);
        assertThat(client.cityAs(token, city, "GET", "/api/observations", null).body())
                .contains("300");

        JsonNode view =
                client.platform("GET", "/platform/tenants/" + city, null).json();
        assertThat(view.path("tenant").path("cluster").asString()).isEqualTo("east");
        assertThat(view.path("events").findValuesAsString("kind")).contains("MOVE_STARTED", "MOVED", "MOVE_DONE");
        ServiceClient.Response again =
                client.platform("POST", "/platform/tenants/" + city + "/move", Map.of("cluster", "east"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("state").asString()).isEqualTo("DONE");
        assertThat(schemaOn(east(), city)).isTrue();
    }

    @Test
    void aMoveThatFailsBeforeTheSwitchLeavesTheCityWholeOnItsSourceAndNoPartialTarget() {
        String city = cityWithObservations("fail", "Failing");
        String token = identities.citizenToken(city, person("stays"));
        giveConsent(token, city);
        observe(token, city, "steps", 4242);
        Citizen before = citizen(token, city);
        // A table the target's migrations do not make: the copy cannot put it anywhere.
        JdbcClient.create(mainPool)
                .sql("create table " + TenantId.of(city).quotedSchema() + ".stray (id int)")
                .update();

        ServiceClient.Response failed =
                client.platform("POST", "/platform/tenants/" + city + "/move", Map.of("cluster", "east"));

        assertThat(failed.status()).as(failed.body()).isEqualTo(409);
        assertThat(failed.problemType()).isEqualTo("move-failed");
        assertThat(schemaOn(east(), city)).isFalse();
        assertThat(schemaOn(mainPool, city)).isTrue();
        assertThat(citizen(token, city)).isEqualTo(before);
        JsonNode view =
                client.platform("GET", "/platform/tenants/" + city, null).json();
        assertThat(view.path("tenant").path("cluster").asString()).isEqualTo("main");
        assertThat(view.path("tenant").path("moving").asBoolean()).isFalse();
        assertThat(view.path("events").findValuesAsString("kind")).contains("MOVE_FAILED");
    }

    @Test
    void aCityBeingMovedIsRefusedAndAnInterruptedMoveIsCleanedUpBeforeTheNextOne() {
        String city = cityWithObservations("crash", "Crashed");
        String token = identities.citizenToken(city, person("waits"));
        giveConsent(token, city);
        observe(token, city, "steps", 77);
        Citizen before = citizen(token, city);
        // As a crash mid-copy leaves it: a COPYING move and a partial schema on the target.
        JdbcClient.create(mainPool)
                .sql(
                        "insert into platform.city_move (slug, source_cluster, target_cluster, state) values (?, 'main', 'east', 'COPYING')")
                .param(city)
                .update();
        JdbcClient.create(east().getPostgresDatabase())
                .sql("create schema " + TenantId.of(city).quotedSchema())
                .update();

        ServiceClient.Response refused = client.cityAs(token, city, "GET", "/api/observations", null);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.problemType()).isEqualTo("city-moving");
        assertThat(directory.activeCitiesWithModules()).doesNotContainKey(city);
        assertThat(client.platform("POST", "/platform/tenants/" + city + "/suspend", null)
                        .status())
                .isEqualTo(409);

        ServiceClient.Response moved =
                client.platform("POST", "/platform/tenants/" + city + "/move", Map.of("cluster", "east"));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("state").asString()).isEqualTo("DONE");
        assertThat(citizen(token, city)).isEqualTo(before);
        assertThat(schemaOn(mainPool, city)).isFalse();
        assertThat(directory.activeCitiesWithModules()).containsKey(city);
        assertThat(JdbcClient.create(mainPool)
                        .sql("select state from platform.city_move where slug = ? order by id")
                        .param(city)
                        .query(String.class)
                        .list())
                .containsExactly("FAILED", "DONE");
    }

    /** What a citizen sees of their data: the account, their consents, their module data. */
    private record Citizen(String account, String consents, String observations) {}

    private Citizen citizen(String token, String city) {
        ServiceClient.Response account = client.cityAs(token, city, "GET", "/api/me", null);
        ServiceClient.Response consents = client.cityAs(token, city, "GET", "/api/me/consents", null);
        ServiceClient.Response observations = client.cityAs(token, city, "GET", "/api/observations", null);
        assertThat(List.of(account.status(), consents.status(), observations.status()))
                .containsOnly(200);
        return new Citizen(account.body(), consents.body(), observations.body());
    }

    private String onboardOn(String cluster, String slug, List<String> modules) {
        Map<String, Object> request = new HashMap<>(cityRequest(slug, slug));
        request.put("enabledModules", modules);
        request.put("cluster", cluster);
        ServiceClient.Response accepted = client.platform("POST", "/platform/tenants", request);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return awaitStatus(slug, "ACTIVE");
    }

    private static boolean schemaOn(EmbeddedPostgres server, String city) {
        return schemaOn(server.getPostgresDatabase(), city);
    }

    private static boolean schemaOn(DataSource server, String city) {
        return JdbcClient.create(server)
                        .sql("select count(*) from information_schema.schemata where schema_name = ?")
                        .param(TenantId.of(city).schemaName())
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
