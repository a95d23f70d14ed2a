package eu.selfdata.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.MqttBroker;
import eu.selfdata.connectors.settings.TopicFilter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.junit.jupiter.api.Test;

/**
 * What one city's credentials can and cannot do on the platform's broker, run against the embedded
 * Artemis and against mosquitto as an external broker. The two cities are {@code lyon} and
 * {@code lyon-sud}: one slug prefixes the other, as a careless {@code startsWith} would not notice.
 */
abstract class CityBrokerIsolationContract {

    static final String LYON = "lyon";
    static final String SUD = "lyon-sud";
    static final Map<String, String> PASSWORDS =
            Map.of(LYON, "lyon-" + UUID.randomUUID(), SUD, "sud-" + UUID.randomUUID());
    static final BrokerAccounts ACCOUNTS = city -> Optional.ofNullable(PASSWORDS.get(city));

    abstract MqttBroker broker();

    MqttTestDevice device(String city, String name) throws MqttException {
        return MqttTestDevice.connect(broker(), city, PASSWORDS.get(city), city + "_" + name + "-" + unique(), true);
    }

    /** Lyon-sud's persistent session, subscribed to its tree, offline, with the message "waiting" in it. */
    String offlineSessionWithAMessageWaiting() throws MqttException {
        String session = new MqttClientId(SUD, "selfdata-bins-" + unique()).value();
        try (MqttTestDevice subscriber = MqttTestDevice.connect(broker(), SUD, PASSWORDS.get(SUD), session, false)) {
            subscriber.subscribe(SUD + "/#");
        }
        try (MqttTestDevice sensor = device(SUD, "sensor")) {
            sensor.publish(SUD + "/bins/1/fill", "waiting");
        }
        return session;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCitysSubscriberReceivesTheCitysMessages() throws Exception {
        try (MqttTestDevice app = device(LYON, "app");
                MqttTestDevice sensor = device(LYON, "sensor")) {
            app.subscribe(LYON + "/bins/+/fill");
            sensor.publish(LYON + "/bins/7/fill", "own");
            app.awaitPayload("own");
            assertThat(app.received()).containsExactly(new MqttTestDevice.Received(LYON + "/bins/7/fill", "own"));
        }
    }

    @Test
    void aCityCannotPublishIntoAnotherCitysTopics() throws Exception {
        try (MqttTestDevice sudApp = device(SUD, "app");
                MqttTestDevice lyonSensor = device(LYON, "sensor");
                MqttTestDevice sudSensor = device(SUD, "sensor")) {
            sudApp.subscribe(SUD + "/#");
            lyonSensor.attempt(d -> d.publish(SUD + "/bins/7/fill", "forged"));
            sudSensor.publish(SUD + "/bins/7/fill", "genuine");

            sudApp.awaitPayload("genuine");
            Thread.sleep(500);
            assertThat(sudApp.received())
                    .extracting(MqttTestDevice.Received::payload)
                    .containsExactly("genuine");
        }
    }

    @Test
    void aCityCannotSubscribeToAnotherCitysTreeNorToEverything() throws Exception {
        List<String> foreignFilters = List.of(SUD + "/#", "#", "+/bins/+/fill", SUD + "/bins/7/fill");
        try (MqttTestDevice sudSensor = device(SUD, "sensor");
                MqttTestDevice lyonSensor = device(LYON, "sensor")) {
            List<MqttTestDevice> spies = new CopyOnWriteArrayList<>();
            try {
                for (String filter : foreignFilters) {
                    MqttTestDevice spy = device(LYON, "spy");
                    spies.add(spy);
                    spy.subscribe(LYON + "/#");
                    spy.attempt(d -> d.subscribe(filter));
                }
                sudSensor.publish(SUD + "/bins/7/fill", "private");
                lyonSensor.publish(LYON + "/bins/7/fill", "own");

                for (MqttTestDevice spy : spies) {
                    if (spy.connected()) {
                        spy.awaitPayload("own");
                    }
                }
                Thread.sleep(500);
                assertThat(spies)
                        .allSatisfy(spy -> assertThat(spy.received())
                                .extracting(MqttTestDevice.Received::topic)
                                .doesNotContain(SUD + "/bins/7/fill"));
            } finally {
                for (MqttTestDevice spy : spies) {
                    spy.close();
                }
            }
        }
    }

    @Test
    void aWrongPasswordAnotherCitysPasswordOrNoPasswordIsRefused() {
        String clientId = LYON + "_sensor-" + unique();
        assertThatThrownBy(() -> MqttTestDevice.connect(broker(), LYON, "not-the-password", clientId, true))
                .isInstanceOfSatisfying(
                        MqttException.class,
                        e -> assertThat(e.getReasonCode())
                                .isIn((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION, (int)
                                        MqttException.REASON_CODE_NOT_AUTHORIZED));
        assertThatThrownBy(() -> MqttTestDevice.connect(broker(), LYON, PASSWORDS.get(SUD), clientId, true))
                .isInstanceOfSatisfying(
                        MqttException.class,
                        e -> assertThat(e.getReasonCode())
                                .isIn((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION, (int)
                                        MqttException.REASON_CODE_NOT_AUTHORIZED));
        assertThatThrownBy(() -> MqttTestDevice.connect(broker(), null, null, clientId, true))
                .isInstanceOfSatisfying(
                        MqttException.class,
                        e -> assertThat(e.getReasonCode())
                                .isIn((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION, (int)
                                        MqttException.REASON_CODE_NOT_AUTHORIZED));
    }

    /** The platform's subscription, as a template gets it from {@link MqttSource}, on this broker. */
    @Test
    void thePlatformsSubscriptionReceivesItsCitysMessagesOnlyAndAcknowledgesAfterProcessing() throws Exception {
        String template = "bins-" + unique();
        List<String> processed = new CopyOnWriteArrayList<>();
        List<String> attempts = new CopyOnWriteArrayList<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            Endpoint endpoint = new MqttSource(broker(), ACCOUNTS, name -> "0123456789abcdef")
                    .endpoint(camel, LYON, template, new TopicFilter("bins/+/fill"));
            camel.addEndpoint(endpoint.getEndpointUri(), endpoint);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(MqttSource.uri(LYON, template)).process(exchange -> {
                        String payload = new String(exchange.getIn().getBody(byte[].class), StandardCharsets.UTF_8);
                        attempts.add(payload);
                        if (payload.equals("fails-once")
                                && attempts.stream().filter(payload::equals).count() == 1) {
                            throw new IllegalStateException("first processing fails");
                        }
                        processed.add(exchange.getIn().getHeader(MqttConsumer.TOPIC, String.class) + " " + payload);
                    });
                }
            });
            camel.start();

            try (MqttTestDevice lyon = device(LYON, "sensor");
                    MqttTestDevice sud = device(SUD, "sensor")) {
                await().atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(200))
                        .untilAsserted(() -> {
                            lyon.publish(LYON + "/bins/0/fill", "warm-up");
                            assertThat(processed).isNotEmpty();
                        });
                sud.publish(SUD + "/bins/1/fill", "sud");
                lyon.publish(LYON + "/bins/1/fill", "fails-once");
                lyon.publish(LYON + "/bins/2/fill", "lyon");

                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(processed)
                                .contains(LYON + "/bins/1/fill fails-once", LYON + "/bins/2/fill lyon"));
                Thread.sleep(500);
                assertThat(processed).noneMatch(line -> line.contains("sud"));
                assertThat(attempts.stream().filter("fails-once"::equals).count())
                        .as("delivered again after the failure")
                        .isGreaterThanOrEqualTo(2);
            }
        }
    }
}
