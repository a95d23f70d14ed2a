package eu.selfdata.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.connectors.MqttBroker;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Artemis with one account per city, journal in a temporary folder. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedBrokerCityIsolationTest extends CityBrokerIsolationContract {

    @TempDir
    static Path journal;

    EmbeddedMqttBroker embedded;

    @BeforeAll
    void start() {
        embedded = EmbeddedBrokerForTests.start(journal, ACCOUNTS, null);
    }

    @AfterAll
    void stop() {
        embedded.stop();
    }

    @Override
    MqttBroker broker() {
        return new MqttBroker(embedded.url());
    }

    /**
     * Refused logins naming lyon-sud's session, including ones without the password: Artemis 2.43
     * alone would drop the session's subscriptions on each ({@link CityLoginGate}).
     */
    @Test
    void aCityCannotTakeAnotherCitysClientIdNorDisturbItsPersistentSession() throws Exception {
        String session = offlineSessionWithAMessageWaiting();

        for (String clientId : List.of(session, "selfdata-" + SUD + "-bins", SUD + "-bins", "bins")) {
            for (boolean cleanSession : List.of(false, true)) {
                assertThatThrownBy(() ->
                                MqttTestDevice.connect(broker(), LYON, PASSWORDS.get(LYON), clientId, cleanSession))
                        .as(clientId)
                        .isInstanceOfSatisfying(
                                MqttException.class,
                                e -> assertThat(e.getReasonCode())
                                        .isEqualTo((int) MqttException.REASON_CODE_INVALID_CLIENT_ID));
            }
        }
        assertThatThrownBy(() -> MqttTestDevice.connect(broker(), SUD, "not-the-password", session, true))
                .isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> MqttTestDevice.connect(broker(), null, null, session, true))
                .isInstanceOf(MqttException.class);

        try (MqttTestDevice back = MqttTestDevice.connect(broker(), SUD, PASSWORDS.get(SUD), session, false)) {
            back.awaitPayload("waiting");
            assertThatThrownBy(() -> MqttTestDevice.connect(broker(), LYON, PASSWORDS.get(LYON), session, true))
                    .isInstanceOf(MqttException.class);
            try (MqttTestDevice sensor = device(SUD, "sensor")) {
                sensor.publish(SUD + "/bins/1/fill", "still mine");
            }
            back.awaitPayload("still mine");
            assertThat(back.connected()).as("not disconnected by the attempt").isTrue();
        }
    }
}
