package eu.selfdata.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.MqttBroker;
import eu.selfdata.connectors.settings.TopicFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The embedded broker with a key store and the platform's client with a trust store, both from
 * the {@code selfdata.connectors.mqtt.tls.*} properties, with a certificate made by keytool here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedBrokerTlsTest {

    static final String CITY = "lyon";
    static final Map<String, String> PASSWORDS = Map.of(CITY, "lyon-" + UUID.randomUUID());
    static final BrokerAccounts ACCOUNTS = city -> Optional.ofNullable(PASSWORDS.get(city));

    @TempDir
    static Path folder;

    EmbeddedMqttBroker embedded;
    MqttBroker broker;

    @BeforeAll
    void start() throws Exception {
        String storePassword = UUID.randomUUID().toString();
        Path keyStore = folder.resolve("broker.p12");
        Path certificate = folder.resolve("broker.pem");
        Path trustStore = folder.resolve("trust.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "broker",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                storePassword);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "broker",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                storePassword,
                "-file",
                certificate.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "broker",
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trustStore.toString(),
                "-storepass",
                storePassword);

        MqttBrokerSettings settings = new Binder(new MapConfigurationPropertySource(Map.of(
                        "selfdata.connectors.mqtt.tls.key-store.path",
                        keyStore.toString(),
                        "selfdata.connectors.mqtt.tls.key-store.password",
                        storePassword,
                        "selfdata.connectors.mqtt.tls.trust-store.path",
                        trustStore.toString(),
                        "selfdata.connectors.mqtt.tls.trust-store.password",
                        storePassword)))
                .bind("selfdata.connectors.mqtt", MqttBrokerSettings.class)
                .get();
        embedded = EmbeddedBrokerForTests.start(
                folder.resolve("journal"), ACCOUNTS, settings.tls().keyStore());
        broker = new MqttBroker(embedded.url(), settings.tls().clientSocketFactory());
    }

    @AfterAll
    void stop() {
        embedded.stop();
    }

    @Test
    void thePlatformsSubscriptionReceivesADevicesReadingOverTls() throws Exception {
        assertThat(embedded.url()).startsWith("ssl://127.0.0.1:");
        List<String> processed = new CopyOnWriteArrayList<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            Endpoint endpoint = new MqttSource(broker, ACCOUNTS, name -> "0123456789abcdef")
                    .endpoint(camel, CITY, "bins", new TopicFilter("bins/+/fill"));
            camel.addEndpoint(endpoint.getEndpointUri(), endpoint);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(MqttSource.uri(CITY, "bins"))
                            .process(exchange -> processed.add(
                                    new String(exchange.getIn().getBody(byte[].class), StandardCharsets.UTF_8)));
                }
            });
            camel.start();
            try (MqttTestDevice sensor =
                    MqttTestDevice.connect(broker, CITY, PASSWORDS.get(CITY), CITY + "_sensor", true)) {
                await().atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(200))
                        .untilAsserted(() -> {
                            sensor.publish(CITY + "/bins/1/fill", "over tls");
                            assertThat(processed).contains("over tls");
                        });
            }
        }
    }

    @Test
    void plainTcpIsRefused() {
        String plain = embedded.url().replace("ssl://", "tcp://");
        assertThatThrownBy(() ->
                        MqttTestDevice.connect(new MqttBroker(plain), CITY, PASSWORDS.get(CITY), CITY + "_plain", true))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        assertThatThrownBy(() -> MqttTestDevice.connect(
                        new MqttBroker(embedded.url()), CITY, PASSWORDS.get(CITY), CITY + "_untrusting", true))
                .isInstanceOf(MqttException.class)
                .rootCause()
                .isInstanceOf(CertPathBuilderException.class);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
