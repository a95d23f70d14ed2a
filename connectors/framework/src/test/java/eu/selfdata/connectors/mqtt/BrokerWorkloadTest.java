package eu.selfdata.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.ConnectorAdministration;
import eu.selfdata.connectors.ConnectorAdministration.ConnectorChange;
import eu.selfdata.connectors.ConnectorHealth;
import eu.selfdata.connectors.ConnectorHost;
import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.MqttBroker;
import eu.selfdata.connectors.TestHostProperties;
import eu.selfdata.usecase.test.TestCities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The broker as its own workload: a host with {@code role=broker} (connectors off, as the chart's
 * broker pod) and a host with {@code role=client} that runs the cities' imports against it, as two
 * tenant-service processes on the one test PostgreSQL. Sensors publish on the broker with their
 * city's account; the city's import on the client host receives it; the accounts read from the
 * database keep each city in its tree; the client host opens no MQTT port.
 */
class BrokerWorkloadTest {

    private static final Set<String> ADMIN = Set.of("city-admin");

    private static int brokerPort;
    private static int portTheClientMustNotOpen;
    private static ConfigurableApplicationContext broker;
    private static ConfigurableApplicationContext client;

    @BeforeAll
    static void brokerAndClientHosts() throws IOException {
        brokerPort = freePort();
        portTheClientMustNotOpen = freePort();
        Map<String, Object> brokerRole = new HashMap<>();
        brokerRole.put("selfdata.connectors.mqtt.role", "broker");
        brokerRole.put("selfdata.connectors.mqtt.embedded-port", brokerPort);
        brokerRole.put("selfdata.connectors.mqtt.embedded-data-directory", Files.createTempDirectory("mqtt-journal"));
        brokerRole.put("selfdata.connectors.enabled", "false");
        broker = host("broker", brokerRole);
        client = host(
                "client",
                Map.of(
                        "selfdata.connectors.mqtt.role",
                        "client",
                        "selfdata.connectors.mqtt.url",
                        "tcp://127.0.0.1:" + brokerPort,
                        // what a client must ignore: it never listens
                        "selfdata.connectors.mqtt.embedded-port",
                        portTheClientMustNotOpen));
    }

    @AfterAll
    static void stopHosts() {
        client.close();
        broker.close();
    }

    @Test
    void aSensorPublishingWithItsCitysAccountOnTheBrokerReachesThatCitysImportThroughTheClientHost()
            throws MqttException {
        String lyon = cityWithAccount("lyon");
        String sud = cityWithAccount("lyon-sud");

        try (MqttTestDevice sensor = sensor(lyon)) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        sensor.publish(lyon + "/readings/1", "ok");
                        return succeeded(lyon) > 0;
                    });
        }

        assertThat(host(client).running(lyon, MqttProbeTemplate.ID)).isPresent();
        assertThat(host(broker).running(lyon, MqttProbeTemplate.ID))
                .as("the broker host runs no import")
                .isEmpty();
        assertThat(succeeded(sud)).isZero();
    }

    @Test
    void aCitysAccountCannotPublishNorSubscribeIntoAnotherCitysTopicsOnTheBrokerWorkload() throws Exception {
        String lyon = cityWithAccount("lyon");
        String sud = cityWithAccount("lyon-sud");

        try (MqttTestDevice forger = sensor(lyon);
                MqttTestDevice spy = sensor(lyon);
                MqttTestDevice genuine = sensor(sud)) {
            publishUntilImported(genuine, sud);
            long before = succeeded(sud);
            spy.attempt(device -> device.subscribe(sud + "/#"));
            forger.attempt(device -> device.publish(sud + "/readings/1", "forged by lyon"));
            genuine.publish(sud + "/readings/1", "ok after");
            await().atMost(Duration.ofSeconds(15)).until(() -> succeeded(sud) > before);
            Thread.sleep(500);

            assertThat(failed(sud))
                    .as("nothing forged reached lyon-sud's import")
                    .isZero();
            assertThat(spy.received()).isEmpty();
        }
        assertThatThrownBy(() -> MqttTestDevice.connect(
                        new MqttBroker(brokerUrl()), sud, "not-the-password", sud + "_sensor", true))
                .isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> MqttTestDevice.connect(
                        new MqttBroker(brokerUrl()), lyon, password(sud), lyon + "_sensor", true))
                .as("another city's password")
                .isInstanceOf(MqttException.class);
    }

    @Test
    void theClientHostListensOnNoMqttPortAndSubscribesOnTheBroker() {
        assertThat(client.getBeansOfType(EmbeddedMqttBroker.class)).isEmpty();
        assertThat(client.getBean(MqttBroker.class).url()).isEqualTo(brokerUrl());
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), portTheClientMustNotOpen).close())
                .isInstanceOf(ConnectException.class);
        assertThat(broker.getBean(EmbeddedMqttBroker.class).port()).isEqualTo(brokerPort);
    }

    @Test
    void aBrokerWorkloadWithoutAJournalOnAVolumeDoesNotStart() {
        assertThatThrownBy(() -> host(
                                "no-journal",
                                Map.of(
                                        "selfdata.connectors.mqtt.role", "broker",
                                        "selfdata.connectors.mqtt.embedded-port", freePort(),
                                        "selfdata.connectors.enabled", "false"))
                        .close())
                .hasStackTraceContaining("role=broker needs selfdata.connectors.mqtt.embedded-data-directory");
    }

    private static ConfigurableApplicationContext host(String name, Map<String, Object> role) {
        Map<String, Object> properties = TestHostProperties.of("mqtt-" + name, tempDirectory("mqtt-drop"));
        properties.putAll(role);
        return new SpringApplicationBuilder(MqttProbeHost.class)
                .properties(properties)
                .run();
    }

    /** A city both hosts serve, whose admin set its broker password on the client host (which subscribes at once). */
    private static String cityWithAccount(String prefix) {
        String city = TestCities.freshSlug(prefix);
        cities(broker).onboard(city);
        cities(client).onboard(city);
        cities(client)
                .as(
                        city,
                        ADMIN,
                        () -> client.getBean(ConnectorAdministration.class)
                                .configure(
                                        MqttProbeTemplate.ID,
                                        new ConnectorChange(
                                                true, Map.of(MqttSource.PASSWORD_SETTING, password(city)))));
        return city;
    }

    private static String password(String city) {
        return "pw-" + UUID.nameUUIDFromBytes(city.getBytes(StandardCharsets.UTF_8));
    }

    private static MqttTestDevice sensor(String city) throws MqttException {
        return MqttTestDevice.connect(
                new MqttBroker(brokerUrl()),
                city,
                password(city),
                city + "_sensor-" + UUID.randomUUID().toString().substring(0, 8),
                true);
    }

    /** Publishes until the city's import counted one: the platform's subscription may still be on its way. */
    private static void publishUntilImported(MqttTestDevice sensor, String city) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    sensor.publish(city + "/readings/1", "ok");
                    return succeeded(city) > 0;
                });
    }

    private static String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    private static long succeeded(String city) {
        return count(city, "succeeded");
    }

    private static long failed(String city) {
        return count(city, "failed");
    }

    /** As the client host reports it (from the city's schema). */
    private static long count(String city, String counter) {
        return client.getBean(ConnectorHealth.class)
                .of(ConnectorInstance.routeId(city, MqttProbeTemplate.ID))
                .map(health -> ((Number) health.getDetails().get(counter)).longValue())
                .orElse(0L);
    }

    private static ConnectorHost host(ConfigurableApplicationContext context) {
        return context.getBean(ConnectorHost.class);
    }

    private static TestCities cities(ConfigurableApplicationContext context) {
        return context.getBean(TestCities.class);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
