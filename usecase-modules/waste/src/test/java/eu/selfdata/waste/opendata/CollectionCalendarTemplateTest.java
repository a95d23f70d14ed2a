package eu.selfdata.waste.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import eu.selfdata.connectors.ConnectorConfigs;
import eu.selfdata.connectors.ConnectorHost;
import eu.selfdata.connectors.DeadLetters;
import eu.selfdata.waste.support.WasteConnectorTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The open-data calendar polled from an HTTP server started here, answering per city. */
class CollectionCalendarTemplateTest extends WasteConnectorTest {

    private static HttpServer portal;
    private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Autowired
    ConnectorConfigs configs;

    @Autowired
    ConnectorHost host;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    CamelContext camel;

    @BeforeAll
    static void startPortal() throws IOException {
        portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        portal.createContext("/", exchange -> {
            String city = exchange.getRequestURI().getPath().substring(1);
            CALLS.computeIfAbsent(city, c -> new AtomicInteger()).incrementAndGet();
            byte[] body = ANSWERS.getOrDefault(city, "{}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        portal.start();
    }

    @AfterAll
    static void stopPortal() {
        portal.stop(0);
    }

    @Test
    void theCalendarIsCachedInTheCitySchemaWithBadRecordsDeadLettered() {
        String city = cities.onboard(freshCity("larochelle"));
        ANSWERS.put(city, """
                {"total_count": 4, "results": [
                  {"street": "Rue du Palais", "stream": "OMR", "day": "lundi"},
                  {"street": "Rue du Palais", "stream": "verre", "day": 4},
                  {"street": "Quai Duperré", "stream": "biodéchets", "day": "Friday"},
                  {"street": "Rue du Palais", "stream": "déchets verts", "day": "mardi"}
                ]}""");
        configs.save(
                city,
                CollectionCalendarTemplate.ID,
                new ConnectorConfigs.Choice(
                        true,
                        Map.of("url", "http://127.0.0.1:" + portal.getAddress().getPort() + "/" + city),
                        Map.of()));
        host.reconcile();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(cities.count(city, "waste_collection_day")).isEqualTo(3));
        assertThat(jdbc().sql("select street || ' ' || stream || ' ' || weekday from "
                                + table(city, "waste_collection_day") + " order by 1")
                        .query(String.class)
                        .list())
                .containsExactly("Quai Duperré BIOWASTE 5", "Rue du Palais GLASS 4", "Rue du Palais RESIDUAL 1");
        assertThat(deadLetters.list(city, Optional.of(CollectionCalendarTemplate.ID), Optional.empty(), 10))
                .singleElement()
                .satisfies(letter -> {
                    assertThat(letter.lineNumber()).isEqualTo(4L);
                    assertThat(letter.reason()).contains("unknown stream 'déchets verts'");
                });

        // Polled again: the same answer is skipped, a new one replaces the calendar.
        int polls = CALLS.get(city).get();
        pollAgain(city);
        await().atMost(Duration.ofSeconds(10)).until(() -> CALLS.get(city).get() > polls);
        assertThat(cities.count(city, "connector_processed")).isEqualTo(1);
        ANSWERS.put(city, "{\"results\": [{\"street\": \"Rue du Palais\", \"stream\": \"residual\", \"day\": 2}]}");
        pollAgain(city);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc().sql("select weekday from " + table(city, "waste_collection_day"))
                                .query(Integer.class)
                                .list())
                        .containsExactly(2));
    }

    @Test
    void anAnswerThatIsNotJsonIsDeadLetteredAndTheCachedCalendarKept() {
        String city = cities.onboard(freshCity("lyon"));
        ANSWERS.put(city, "{\"results\": [{\"street\": \"Rue de la République\", \"stream\": \"glass\", \"day\": 1}]}");
        configs.save(
                city,
                CollectionCalendarTemplate.ID,
                new ConnectorConfigs.Choice(
                        true,
                        Map.of("url", "http://127.0.0.1:" + portal.getAddress().getPort() + "/" + city),
                        Map.of()));
        host.reconcile();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(cities.count(city, "waste_collection_day")).isEqualTo(1));

        ANSWERS.put(city, "<html>maintenance</html>");
        pollAgain(city);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(deadLetters.list(
                                city, Optional.of(CollectionCalendarTemplate.ID), Optional.empty(), 10))
                        .singleElement()
                        .satisfies(letter -> {
                            assertThat(letter.reason()).contains("not JSON");
                            assertThat(letter.record())
                                    .as("an answer's body is never kept")
                                    .isNull();
                            assertThat(letter.reason()).doesNotContain("maintenance");
                        }));
        assertThat(cities.count(city, "waste_collection_day")).isEqualTo(1);
        assertThat(List.of(cities.count(city, "connector_processed"))).containsExactly(1L);
    }

    /** A restarted route polls at once (the schedule's minimum is 15 minutes). */
    private void pollAgain(String city) {
        try {
            String route = city + "." + CollectionCalendarTemplate.ID;
            camel.getRouteController().stopRoute(route);
            camel.getRouteController().startRoute(route);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
