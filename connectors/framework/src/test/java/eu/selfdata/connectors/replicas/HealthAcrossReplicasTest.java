package eu.selfdata.connectors.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.ConnectorAdministration;
import eu.selfdata.connectors.ConnectorAdministration.ConnectorChange;
import eu.selfdata.connectors.ConnectorAdministration.ConnectorView;
import eu.selfdata.connectors.ConnectorHealth;
import eu.selfdata.connectors.ConnectorHost;
import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.TestHostProperties;
import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.contract.CitySlug;
import eu.selfdata.usecase.test.TestCities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas of the connector host (two Spring contexts, as two tenant-service processes) on the one
 * test PostgreSQL: {@code running} reconciles and runs the cities' routes, {@code idle} runs nothing
 * (no reconciler, as a replica that leads no lock group). Whatever {@code running} records, {@code idle}
 * answers the same, to the coordinator and to each city's admin, and one city never sees another's.
 */
class HealthAcrossReplicasTest {

    private static final Set<String> ADMIN = Set.of("city-admin");

    private static Path drop;
    private static ConfigurableApplicationContext running;
    private static ConfigurableApplicationContext idle;

    @BeforeAll
    static void twoReplicas() throws IOException {
        drop = Files.createTempDirectory("health-replicas");
        running = replica("running", true);
        idle = replica("idle", false);
    }

    @AfterAll
    static void stopReplicas() {
        idle.close();
        running.close();
    }

    @Test
    void aReplicaRunningNothingReportsTheCountersLastErrorAndStatusTheRunningOneRecorded() {
        String city = onboard("larochelle");
        String route = ConnectorInstance.routeId(city, ScriptedTemplate.ID);
        assertThat(host(running).running(city, ScriptedTemplate.ID)).isPresent();
        assertThat(host(idle).running(city, ScriptedTemplate.ID)).isEmpty();

        drop(city, "first.txt", "ok");
        await().atMost(Duration.ofSeconds(20)).until(() -> count(running, route, "succeeded") == 1);
        Health afterSuccess = health(idle).of(route).orElseThrow();
        assertThat(afterSuccess.getStatus()).isEqualTo(Status.UP);
        assertThat(afterSuccess.getDetails())
                .containsEntry("succeeded", 1L)
                .containsEntry("failed", 0L)
                .doesNotContainKey("lastError");

        drop(city, "second.txt", "no bin BIN-7 in this round");
        await().atMost(Duration.ofSeconds(20)).until(() -> count(running, route, "failed") == 1);
        Health seen = health(idle).of(route).orElseThrow();
        assertThat(seen.getStatus()).isEqualTo(ConnectorHealth.DEGRADED);
        assertThat(seen.getDetails())
                .isEqualTo(health(running).of(route).orElseThrow().getDetails())
                .containsEntry("succeeded", 1L)
                .containsEntry("failed", 1L)
                .containsEntry("lastErrorMessage", "IllegalArgumentException: no bin BIN-7 in this round")
                .containsEntry("openDeadLetters", 1L)
                .containsKey("lastError");
        assertThat(health(idle).stream().map(HealthContributors.Entry::name)).contains(route);
        assertThat(health(idle).getContributor(route)).isNotNull();
        assertThat(health(idle).getContributor(city + ".unknown-template")).isNull();
    }

    @Test
    void aRefusalRecordedByOneReplicaIsSeenByTheOtherAndForgottenOnceTheSettingsAreCorrected() {
        String city = onboard("lyon");
        String route = ConnectorInstance.routeId(city, ScriptedTemplate.ID);
        storeFolder(city, "/etc");
        host(running).reconcile();
        host(running).reconcile();

        assertThat(host(running).running(city, ScriptedTemplate.ID)).isEmpty();
        Health refused = health(idle).of(route).orElseThrow();
        assertThat(refused.getStatus()).isEqualTo(ConnectorHealth.DEGRADED);
        assertThat(refused.getDetails().get("refusedSettings"))
                .asString()
                .contains("setting 'folder' must be a relative folder");
        assertThat(refused.getDetails().get("lastErrorMessage"))
                .isEqualTo(refused.getDetails().get("refusedSettings"));
        assertThat(refused.getDetails())
                .as("one refusal, however many reconciliations")
                .containsEntry("failed", 1L);

        configure(city, new ConnectorChange(true, Map.of("folder", "scripted")));

        assertThat(host(running).running(city, ScriptedTemplate.ID)).isPresent();
        Health corrected = health(idle).of(route).orElseThrow();
        assertThat(corrected.getStatus()).isEqualTo(Status.UP);
        assertThat(corrected.getDetails()).doesNotContainKeys("refusedSettings", "lastError", "lastErrorMessage");
    }

    @Test
    void aRefusedConnectorSwitchedOffIsForgottenOnEveryReplica() {
        String city = onboard("rochefort");
        String route = ConnectorInstance.routeId(city, ScriptedTemplate.ID);
        storeFolder(city, "../elsewhere");
        host(running).reconcile();
        assertThat(health(idle).of(route)).isPresent();

        configure(city, new ConnectorChange(false, Map.of()));

        assertThat(health(idle).of(route)).isEmpty();
        assertThat(health(idle).stream().map(HealthContributors.Entry::name)).doesNotContain(route);
        assertThat(list(idle, city).getFirst().health()).containsEntry("status", "NOT_RUNNING");
    }

    @Test
    void theSameTemplateInTwoCitiesKeepsOneRowEachAndEachAdminSeesHerCityOnly() {
        String larochelle = onboard("larochelle");
        String lyon = onboard("lyon");
        drop(larochelle, "bad.txt", "weighing of larochelle refused");
        drop(lyon, "good.txt", "ok");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(running, ConnectorInstance.routeId(larochelle, ScriptedTemplate.ID), "failed") == 1
                        && count(running, ConnectorInstance.routeId(lyon, ScriptedTemplate.ID), "succeeded") == 1);

        assertThat(row(larochelle)).containsEntry("succeeded", 0L).containsEntry("failed", 1L);
        assertThat(row(lyon)).containsEntry("succeeded", 1L).containsEntry("failed", 0L);
        List<ConnectorView> ofLyon = list(idle, lyon);
        assertThat(ofLyon).hasSize(1);
        assertThat(ofLyon.getFirst().health())
                .containsEntry("city", lyon)
                .containsEntry("status", "UP")
                .containsEntry("lastErrorMessage", null);
        assertThat(JsonMapper.builder().build().writeValueAsString(ofLyon))
                .doesNotContain(larochelle)
                .doesNotContain("weighing of larochelle");
        assertThat(list(idle, larochelle).getFirst().health())
                .containsEntry("status", "DEGRADED")
                .containsEntry("lastErrorMessage", "IllegalArgumentException: weighing of larochelle refused");
    }

    @Test
    void anErrorMessageKeepsNoCitizenIdentifierNorAddressWhileItsDeadLetterKeepsTheReason() {
        String city = onboard("niort");
        String route = ConnectorInstance.routeId(city, ScriptedTemplate.ID);
        String citizen = UUID.randomUUID().toString();
        drop(city, "trace.txt", "no trace for " + citizen + "_morning.gpx of camille.martin@example.org");
        await().atMost(Duration.ofSeconds(20)).until(() -> count(running, route, "failed") == 1);

        assertThat(health(idle).of(route).orElseThrow().getDetails())
                .containsEntry(
                        "lastErrorMessage", "IllegalArgumentException: no trace for [id]_morning.gpx of [e-mail]");
        assertThat(String.valueOf(row(city).get("last_error_message")))
                .doesNotContain(citizen)
                .doesNotContain("camille");
        assertThat(cities(running)
                        .platform()
                        .sql("select reason from " + table(city, "connector_dead_letter"))
                        .query(String.class)
                        .single())
                .contains(citizen);
    }

    private static ConfigurableApplicationContext replica(String name, boolean runsConnectors) {
        Map<String, Object> properties = TestHostProperties.of("health-" + name, drop);
        properties.put("selfdata.connectors.enabled", Boolean.toString(runsConnectors));
        return new SpringApplicationBuilder(ReplicaHost.class)
                .properties(properties)
                .run();
    }

    /** A city both replicas serve, reconciled by the running one. */
    private static String onboard(String prefix) {
        String city = TestCities.freshSlug(prefix);
        cities(running).onboard(city);
        cities(idle).onboard(city);
        host(running).reconcile();
        return city;
    }

    /** A stored choice that no longer meets its rule, as after a rule was tightened. */
    private static void storeFolder(String city, String folder) {
        cities(running)
                .platform()
                .sql(
                        "insert into " + table(city, "connector_config") + " (template, parameters)"
                                + " values (?, cast(? as jsonb)) on conflict (template) do update set parameters = excluded.parameters")
                .param(ScriptedTemplate.ID)
                .param("{\"folder\": \"" + folder + "\"}")
                .update();
    }

    /** A change by the city's admin on the running replica (which reconciles at once). */
    private static void configure(String city, ConnectorChange change) {
        cities(running)
                .as(
                        city,
                        ADMIN,
                        () -> running.getBean(ConnectorAdministration.class).configure(ScriptedTemplate.ID, change));
    }

    /** {@code GET /api/connectors} of the city's admin, answered by a replica. */
    private static List<ConnectorView> list(ConfigurableApplicationContext replica, String city) {
        ConnectorAdministration administration = replica.getBean(ConnectorAdministration.class);
        return cities(replica).as(city, ADMIN, administration::list);
    }

    private static void drop(String city, String name, String text) {
        Path inbox = running.getBean(CityFolders.class)
                .dropFolder(city, ScriptedTemplate.FOLDER.defaultValue())
                .inbox();
        try {
            Path partial = Files.writeString(inbox.resolve(name + ".part"), text, StandardCharsets.UTF_8);
            Files.move(partial, inbox.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(ConfigurableApplicationContext replica, String route, String counter) {
        return health(replica)
                .of(route)
                .map(health -> ((Number) health.getDetails().get(counter)).longValue())
                .orElse(0L);
    }

    /** The city's one row of connector health, read from outside the framework. */
    private static Map<String, Object> row(String city) {
        return cities(running)
                .platform()
                .sql("select * from " + table(city, "connector_health"))
                .query()
                .singleRow();
    }

    private static String table(String city, String table) {
        return CitySlug.of(city).quotedSchema() + "." + table;
    }

    private static ConnectorHealth health(ConfigurableApplicationContext replica) {
        return replica.getBean(ConnectorHealth.class);
    }

    private static ConnectorHost host(ConfigurableApplicationContext replica) {
        return replica.getBean(ConnectorHost.class);
    }

    private static TestCities cities(ConfigurableApplicationContext replica) {
        return replica.getBean(TestCities.class);
    }
}
