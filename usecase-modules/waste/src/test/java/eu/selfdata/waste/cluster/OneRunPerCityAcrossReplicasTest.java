package eu.selfdata.waste.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.ConnectorHealth;
import eu.selfdata.connectors.ConnectorHost;
import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.cluster.ConnectorLockGroups;
import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.testsupport.TestPostgres;
import eu.selfdata.usecase.test.TestCities;
import eu.selfdata.waste.support.WasteConnectorTest;
import eu.selfdata.waste.support.WasteTestApplication;
import eu.selfdata.waste.weighing.WeighingsFolderTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two replicas of the connector host (two Spring contexts, as two tenant-service processes would
 * be) on the one test PostgreSQL and one drop folder, with {@code selfdata.connectors.cluster=jdbc}:
 * a city's weighings folder is polled by one replica only, and when that replica stops the other
 * takes the city over and imports the remaining files, each exactly once. Both replicas report the
 * same connector health, whichever runs the route.
 */
class OneRunPerCityAcrossReplicasTest {

    static final String HEADER = "bin_id,timestamp,stream,weight_kg,round\n";
    static final int SMALL = 5;
    /** Rows of a file in the take-over test: enough for the leader to still be busy when it stops. */
    static final int LARGE = 10_000;

    @TempDir
    Path drop;

    @TempDir
    Path brokers;

    final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @AfterEach
    void stopReplicas() {
        replicas.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aDroppedFileIsImportedOnceByTheOneReplicaThatLeadsTheCity() {
        ConfigurableApplicationContext a = replica("a");
        ConfigurableApplicationContext b = replica("b");
        String city = onboard("larochelle", a, b);
        String route = awaitOneLeader(city, a, b);

        WasteConnectorTest.drop(inbox(a, city), "march.csv", file(0, SMALL));
        awaitDone(a, city, 1);

        assertThat(sum(a, city, "weighings")).isEqualTo(SMALL);
        assertThat(count(a, city, "connector_processed")).isEqualTo(1);
        assertThat(succeeded(route, a)).as("the replica that ran it").isEqualTo(1);
        assertThat(succeeded(route, b))
                .as("the other, from the city's health table")
                .isEqualTo(1);
        assertThat(startedOn(route, a, b)).isEqualTo(1);
    }

    @Test
    void whenTheLeaderStopsMidRunTheOtherReplicaFinishesTheRemainingFilesWithoutDuplicates() {
        ConfigurableApplicationContext a = replica("a");
        ConfigurableApplicationContext b = replica("b");
        String city = onboard("lyon", a, b);
        String route = awaitOneLeader(city, a, b);
        ConfigurableApplicationContext leader = started(route, a) ? a : b;
        ConfigurableApplicationContext follower = leader == a ? b : a;

        int files = 20;
        for (int i = 0; i < files; i++) {
            WasteConnectorTest.drop(inbox(a, city), "w-" + i + ".csv", file(i, LARGE));
        }
        AtomicInteger bothRunning = new AtomicInteger();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (startedOn(route, a, b) > 1) {
                        bothRunning.incrementAndGet();
                    }
                    return done(follower, city) >= 3;
                });
        leader.close();
        long byLeader = done(follower, city);
        assertThat(byLeader).as("the leader stopped before the last file").isLessThan(files);

        awaitDone(follower, city, files);
        assertThat(started(route, follower)).isTrue();
        assertThat(bothRunning).hasValue(0);
        assertThat(sum(follower, city, "weighings")).isEqualTo((long) files * LARGE);
        assertThat(count(follower, city, "connector_processed")).isEqualTo(files);
        assertThat(succeeded(route, follower))
                .as("the leader's count kept in the city's schema, the follower's added")
                .isEqualTo(files);
    }

    /** A city added to a group its replica already leads: its routes start there too, not only the first city's. */
    @Test
    void aCityJoiningAGroupItsReplicaAlreadyLeadsGetsItsConnectorsStarted() {
        ConfigurableApplicationContext a = replica("a", Map.of("selfdata.connectors.cluster-groups", "1"));
        String first = onboard("larochelle", a);
        awaitOneLeader(first, a);

        String second = onboard("lyon", a);
        a.getBean(ConnectorHost.class).reconcile();
        awaitOneLeader(second, a);
    }

    @Test
    void cityWideJobsRunOnTheOneReplicaThatRunsTheCitysConnectors() {
        ConfigurableApplicationContext a = replica("a");
        ConfigurableApplicationContext b = replica("b");
        String city = onboard("lyon", a, b);
        String route = awaitOneLeader(city, a, b);

        boolean aLeads = a.getBean(ConnectorLockGroups.class).leads(city);
        boolean bLeads = b.getBean(ConnectorLockGroups.class).leads(city);

        assertThat(aLeads).as("exactly one replica leads").isNotEqualTo(bLeads);
        assertThat(aLeads).as("the one whose connector runs").isEqualTo(started(route, a));
    }

    private ConfigurableApplicationContext replica(String name) {
        return replica(name, Map.of());
    }

    private ConfigurableApplicationContext replica(String name, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(TestPostgres.springDatasourceProperties());
        properties.put("selfdata.connectors.drop-directory", drop.toString());
        properties.put("selfdata.connectors.cluster", "jdbc");
        properties.put("selfdata.connectors.cluster-interval", "200ms");
        properties.put(
                "selfdata.connectors.mqtt.embedded-data-directory",
                brokers.resolve(name).toString());
        properties.put("camel.main.name", "replica-" + name);
        properties.put("camel.main.shutdown-timeout", "10");
        properties.putAll(overrides);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WasteTestApplication.class)
                .properties(properties)
                .run();
        replicas.add(context);
        return context;
    }

    private static String onboard(String prefix, ConfigurableApplicationContext... replicas) {
        String city = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        for (ConfigurableApplicationContext replica : replicas) {
            replica.getBean(TestCities.class).onboard(city);
        }
        return city;
    }

    /** Bins linked to nobody: every row counts in the anonymous tonnage, keyed by file and chunk. */
    private static byte[] file(int index, int rows) {
        StringBuilder csv = new StringBuilder(HEADER);
        Instant start = Instant.parse("2026-03-01T06:00:00Z").plusSeconds(60L * index);
        for (int row = 0; row < rows; row++) {
            csv.append("BIN-")
                    .append(index)
                    .append('-')
                    .append(row)
                    .append(',')
                    .append(start.plusSeconds(3600L * row))
                    .append(",residual,1.5,R1\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The city's weighings route, once it runs on exactly one of the replicas. */
    private static String awaitOneLeader(String city, ConfigurableApplicationContext... replicas) {
        String route = ConnectorInstance.routeId(city, WeighingsFolderTemplate.ID);
        await().atMost(Duration.ofSeconds(30)).until(() -> startedOn(route, replicas) == 1);
        return route;
    }

    private static int startedOn(String route, ConfigurableApplicationContext... replicas) {
        return (int)
                Stream.of(replicas).filter(replica -> started(route, replica)).count();
    }

    private static boolean started(String route, ConfigurableApplicationContext replica) {
        return replica.isActive()
                && replica.getBean(CamelContext.class).getRouteController().getRouteStatus(route)
                        == ServiceStatus.Started;
    }

    private static long succeeded(String route, ConfigurableApplicationContext replica) {
        return replica.getBean(ConnectorHealth.class)
                .of(route)
                .map(h -> ((Number) h.getDetails().get("succeeded")).longValue())
                .orElse(0L);
    }

    private static Path inbox(ConfigurableApplicationContext replica, String city) {
        return replica.getBean(CityFolders.class)
                .dropFolder(city, WeighingsFolderTemplate.FOLDER.defaultValue())
                .inbox();
    }

    private static long done(ConfigurableApplicationContext replica, String city) {
        Path done = replica.getBean(CityFolders.class)
                .dropFolder(city, WeighingsFolderTemplate.FOLDER.defaultValue())
                .done();
        if (!Files.isDirectory(done)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitDone(ConfigurableApplicationContext replica, String city, long files) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> done(replica, city) == files);
    }

    private static long sum(ConfigurableApplicationContext replica, String city, String column) {
        return jdbc(replica)
                .sql("select coalesce(sum(" + column + "), 0) from " + table(city, "waste_anonymous_tonnage"))
                .query(Long.class)
                .single();
    }

    private static long count(ConfigurableApplicationContext replica, String city, String table) {
        return replica.getBean(TestCities.class).count(city, table);
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext replica) {
        return JdbcClient.create(replica.getBean(DataSource.class));
    }

    private static String table(String city, String table) {
        return eu.selfdata.contract.CitySlug.of(city).quotedSchema() + "." + table;
    }
}
