package eu.selfdata.mobility.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import eu.selfdata.connectors.ConnectorConfigs;
import eu.selfdata.connectors.ConnectorHost;
import eu.selfdata.connectors.DeadLetter;
import eu.selfdata.connectors.DeadLetters;
import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.connectors.folders.DropFolder;
import eu.selfdata.mobility.MobilityCarbonModule;
import eu.selfdata.mobility.transit.SyntheticGtfs;
import eu.selfdata.mobility.trip.SyntheticTrace;
import eu.selfdata.testsupport.TestPostgres;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.test.TestAccessLog;
import eu.selfdata.usecase.test.TestCities;
import eu.selfdata.usecase.test.TestConsents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The module's two connector templates running in Camel for real, one route per city. */
@SpringBootTest(classes = ConnectorTestApplication.class)
class MobilityConnectorsTest {

    private static final Path DROP;
    private static final Map<String, byte[]> SERVED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FETCHES = new ConcurrentHashMap<>();
    private static HttpServer feeds;

    static {
        try {
            DROP = Files.createTempDirectory("mobility-drop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestPostgres.springDatasourceProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("selfdata.connectors.drop-directory", DROP::toString);
    }

    @BeforeAll
    static void serveFeeds() throws IOException {
        feeds = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feeds.createContext("/", exchange -> {
            byte[] body = SERVED.get(exchange.getRequestURI().getPath());
            FETCHES.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger())
                    .incrementAndGet();
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        feeds.start();
    }

    @AfterAll
    static void stopFeeds() {
        feeds.stop(0);
    }

    @TempDir
    Path temp;

    @Autowired
    TestCities cities;

    @Autowired
    TestConsents consents;

    @Autowired
    TestAccessLog accessLog;

    @Autowired
    CityFolders folders;

    @Autowired
    CamelContext camel;

    @Autowired
    ConnectorConfigs configs;

    @Autowired
    ConnectorHost host;

    @Autowired
    DeadLetters deadLetters;

    @Test
    void aDroppedFileOfAConsentingCitizenBecomesTheirTripsOnceAndOthersGoToFailedWithTheReason() throws IOException {
        String city =
                cities.onboard("larochelle-" + UUID.randomUUID().toString().substring(0, 8));
        CitizenId consenting = new CitizenId(UUID.randomUUID());
        CitizenId silent = new CitizenId(UUID.randomUUID());
        consents.give(consenting, MobilityCarbonModule.APP_IMPORT_PURPOSE);
        String gpx = gpx(SyntheticTrace.laRochelle(51)
                .stay(Duration.ofMinutes(8), 6)
                .move(6000, 90, 13, 3)
                .stay(Duration.ofMinutes(8), 6));
        DropFolder folder = folders.dropFolder(city, TraceDropTemplate.FOLDER.defaultValue());
        Path inbox = folder.inbox();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> host.running(city, TraceDropTemplate.ID).isPresent());

        drop(inbox, consenting + "_monday.gpx", gpx);
        awaitFiles(folder.done(), 1);
        drop(inbox, consenting + "_monday-again.gpx", gpx);
        drop(inbox, silent + "_monday.gpx", gpx);
        drop(
                inbox,
                consenting + "_broken.gpx",
                "<gpx><trk><trkseg><trkpt lat=\"95\" lon=\"0\"><time>2026-03-02T07:00:00Z</time></trkpt>");
        drop(inbox, "no-citizen.json", "{\"points\":[]}");
        awaitFiles(folder.failed(), 3);
        awaitFiles(folder.done(), 2);

        assertThat(cities.count(city, "mobility_trip")).isOne();
        assertThat(cities.count(city, "mobility_upload"))
                .as("the second copy is skipped, not re-imported")
                .isOne();
        List<DeadLetter> letters = deadLetters.list(city, Optional.of(TraceDropTemplate.ID), Optional.empty(), 10);
        assertThat(letters)
                .extracting(DeadLetter::reason)
                .anySatisfy(reason -> assertThat(reason).contains("has not let the app operator"))
                .anySatisfy(reason -> assertThat(reason).contains("latitude 95"))
                .anySatisfy(reason -> assertThat(reason).contains("is not named"));
        assertThat(accessLog.of(city, consenting)).singleElement().satisfies(entry -> {
            assertThat(entry.accessor().name()).isEqualTo("mobility-trace-drop");
            assertThat(entry.categoryId()).isEqualTo("trace-points");
            assertThat(entry.reason()).startsWith("the app operator delivered").contains(consenting + "_monday.gpx");
        });
        assertThat(accessLog.of(city, silent)).isEmpty();
    }

    @Test
    void theGtfsFeedIsImportedOnScheduleSkippedWhenUnchangedAndABrokenOneLeavesThePreviousActive() {
        String city = cities.onboard("lyon-" + UUID.randomUUID().toString().substring(0, 8));
        String path = "/" + city + "/gtfs.zip";
        SERVED.put(path, bytes(SyntheticGtfs.zip(temp, SyntheticGtfs.files(4))));
        configs.save(
                city,
                GtfsFeedTemplate.ID,
                new ConnectorConfigs.Choice(
                        true,
                        Map.of("url", "http://127.0.0.1:" + feeds.getAddress().getPort() + path),
                        Map.of()));
        host.reconcile();

        await().atMost(Duration.ofSeconds(30)).until(() -> cities.count(city, "mobility_gtfs_feed") == 1);
        long active = activeFeed(city);
        int fetched = FETCHES.get(path).get();
        pollAgain(city);
        await().atMost(Duration.ofSeconds(30)).until(() -> FETCHES.get(path).get() > fetched);
        SERVED.put(path, "PK\u0003\u0004 not a zip".getBytes(StandardCharsets.UTF_8));
        pollAgain(city);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !deadLetters
                        .list(city, Optional.of(GtfsFeedTemplate.ID), Optional.empty(), 10)
                        .isEmpty());

        assertThat(deadLetters
                        .list(city, Optional.of(GtfsFeedTemplate.ID), Optional.empty(), 10)
                        .getFirst()
                        .reason())
                .contains("zip");
        assertThat(cities.count(city, "mobility_gtfs_feed"))
                .as("the same feed served again was skipped")
                .isOne();
        assertThat(activeFeed(city)).isEqualTo(active);
        host.stopAll();
    }

    /** A restarted route polls at once (the schedule's minimum is a minute). */
    private void pollAgain(String city) {
        try {
            String route = city + "." + GtfsFeedTemplate.ID;
            camel.getRouteController().stopRoute(route);
            camel.getRouteController().startRoute(route);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long activeFeed(String city) {
        return cities.call(
                city,
                () -> cities.jdbc()
                        .sql("select id from mobility_gtfs_feed where active")
                        .query(Long.class)
                        .single());
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String gpx(SyntheticTrace trace) {
        StringBuilder gpx = new StringBuilder("<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk><trkseg>\n");
        trace.points()
                .forEach(p -> gpx.append("<trkpt lat=\"")
                        .append(p.lat())
                        .append("\" lon=\"")
                        .append(p.lon())
                        .append("\"><time>")
                        .append(java.time.Instant.ofEpochMilli(p.epochMilli()))
                        .append("</time></trkpt>\n"));
        return gpx.append("</trkseg></trk></gpx>").toString();
    }

    /** As an operator should: written under a temporary name the connector ignores, then renamed. */
    private static void drop(Path inbox, String name, String content) throws IOException {
        Files.createDirectories(inbox);
        Path partial = inbox.resolve(name + ".part");
        Files.writeString(partial, content);
        Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitFiles(Path folder, int count) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!Files.isDirectory(folder)) {
                        return false;
                    }
                    try (Stream<Path> files = Files.list(folder)) {
                        return files.count() >= count;
                    }
                });
    }
}
