package eu.selfdata.waste.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.ConnectorConfigs;
import eu.selfdata.connectors.ConnectorHost;
import eu.selfdata.connectors.DeadLetter;
import eu.selfdata.connectors.DeadLetters;
import eu.selfdata.connectors.mqtt.BrokerAccounts;
import eu.selfdata.connectors.mqtt.EmbeddedMqttBroker;
import eu.selfdata.connectors.mqtt.MqttClientId;
import eu.selfdata.connectors.settings.Secret;
import eu.selfdata.waste.support.WasteConnectorTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Smart-bin telemetry through the embedded broker the run starts, devices logged in with their city's account. */
class SmartBinTelemetryTemplateTest extends WasteConnectorTest {

    private static final Instant BASE = Instant.parse("2026-03-02T06:00:00Z");

    @Autowired
    EmbeddedMqttBroker broker;

    @Autowired
    ConnectorHost host;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    BrokerAccounts accounts;

    @Autowired
    ConnectorConfigs configs;

    @Test
    void readingsAcknowledgedByTheBrokerSurviveItsRestartAndAreStoredOnceEach() throws Exception {
        String city = subscribedCity("larochelle");
        int readings = 300;
        try (Publisher publisher = publisher(city, "restart")) {
            for (int i = 0; i < readings; i++) {
                if (i == readings / 2) {
                    broker.stop();
                    broker.start();
                }
                publishUntilAcknowledged(
                        publisher,
                        city + "/bins/PB-" + (i % 30) + "/fill",
                        reading(i % 101, BASE.plusSeconds(60L * i)));
            }
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () -> assertThat(cities.count(city, "waste_bin_fill")).isEqualTo(readings + 1));
        Thread.sleep(1_000);
        assertThat(cities.count(city, "waste_bin_fill")).isEqualTo(readings + 1);
    }

    @Test
    void anUnreadableMessageIsDeadLetteredAndTheNextOneStillArrives() throws Exception {
        String city = subscribedCity("larochelle");
        try (Publisher publisher = publisher(city, "bad")) {
            publishUntilAcknowledged(
                    publisher, city + "/bins/PB-1/fill", "{\"fill\": 180, \"measuredAt\": \"2026-03-02T06:00:00Z\"}");
            publishUntilAcknowledged(publisher, city + "/bins/PB-1/fill", reading(40, BASE.plusSeconds(60)));
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(cities.count(city, "waste_bin_fill")).isEqualTo(2));
        assertThat(deadLetters.list(city, Optional.of(SmartBinTelemetryTemplate.ID), Optional.empty(), 10))
                .singleElement()
                .satisfies(letter -> {
                    assertThat(letter.source()).isEqualTo(city + "/bins/PB-1/fill");
                    assertThat(letter.record()).contains("180");
                    assertThat(letter.reason()).contains("not between 0 and 100");
                    assertThat(letter.status()).isEqualTo(DeadLetter.Status.OPEN);
                });
    }

    @Test
    void aCityOnlyReceivesTheReadingsOfItsOwnTopic() throws Exception {
        String larochelle = subscribedCity("larochelle");
        String lyon = subscribedCity("lyon");
        try (Publisher publisher = publisher(lyon, "cross")) {
            publishUntilAcknowledged(publisher, lyon + "/bins/SAME-ID/fill", reading(90, BASE.plusSeconds(120)));
            // Lyon's account cannot write into La Rochelle's tree: the broker refuses and drops the connection.
            assertThatThrownBy(() -> publisher
                            .client()
                            .publish(
                                    larochelle + "/bins/SAME-ID/fill",
                                    reading(91, BASE.plusSeconds(180)).getBytes(StandardCharsets.UTF_8),
                                    1,
                                    false))
                    .isInstanceOf(MqttException.class);
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(cities.count(lyon, "waste_bin_fill")).isEqualTo(2));
        Thread.sleep(500);
        assertThat(jdbc().sql("select count(*) from " + table(larochelle, "waste_bin_fill")
                                + " where bin_id = 'SAME-ID'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** A city whose subscription is live: one warm-up reading went through. */
    private String subscribedCity(String prefix) throws Exception {
        String city = cities.onboard(freshCity(prefix));
        // Off until the city admin sets the city's broker password (the test accounts already know it).
        configs.save(
                city,
                SmartBinTelemetryTemplate.ID,
                new ConnectorConfigs.Choice(
                        true,
                        Map.of(),
                        Map.of(
                                SmartBinTelemetryTemplate.BROKER_PASSWORD.name(),
                                new Secret(accounts.password(city).orElseThrow()))));
        host.reconcile();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> host.running(city, SmartBinTelemetryTemplate.ID).isPresent());
        try (Publisher publisher = publisher(city, "warm-up")) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> {
                        publishUntilAcknowledged(publisher, city + "/bins/WARM-UP/fill", reading(1, BASE));
                        assertThat(cities.count(city, "waste_bin_fill")).isEqualTo(1);
                    });
        }
        return city;
    }

    /** A device of the city, logged in with the city's account under a client id of the city. */
    private Publisher publisher(String city, String name) throws MqttException {
        MqttClient client = new MqttClient(broker.url(), new MqttClientId(city, name).value(), new MemoryPersistence());
        client.setTimeToWait(5_000);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setUserName(city);
        options.setPassword(accounts.password(city).orElseThrow().toCharArray());
        return new Publisher(client, options);
    }

    /** A device publishing readings. */
    private record Publisher(MqttClient client, MqttConnectOptions options) implements AutoCloseable {

        @Override
        public void close() throws MqttException {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }

    private static String reading(int fill, Instant at) {
        return "{\"fill\": " + fill + ", \"temperature\": 18.5, \"measuredAt\": \"" + at + "\"}";
    }

    /** A QoS 1 publish counts once the broker acknowledged it; until then the publisher tries again. */
    private static void publishUntilAcknowledged(Publisher device, String topic, String payload)
            throws InterruptedException {
        MqttClient publisher = device.client();
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                if (!publisher.isConnected()) {
                    publisher.connect(device.options());
                }
                publisher.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
                return;
            } catch (MqttException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("broker never acknowledged " + topic);
    }
}
