package eu.selfdata.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.connectors.MqttBroker;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Debian's mosquitto as the external broker, configured as the README tells operators. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MosquittoCityIsolationTest extends CityBrokerIsolationContract {

    @TempDir
    static Path folder;

    MosquittoForTests mosquitto;

    @BeforeAll
    void start() throws Exception {
        mosquitto = MosquittoForTests.start(folder, PASSWORDS);
    }

    @AfterAll
    void stop() throws Exception {
        mosquitto.close();
    }

    @Override
    MqttBroker broker() {
        return new MqttBroker(mosquitto.url());
    }

    /**
     * mosquitto cannot tie a client id to an account (README): lyon may connect with lyon-sud's
     * session id, but the ACL is checked again at each delivery, so it receives none of lyon-sud's
     * messages, neither the one waiting in that session nor later ones.
     */
    @Test
    void aCityUsingAnotherCitysClientIdReceivesNoneOfItsMessages() throws Exception {
        String session = offlineSessionWithAMessageWaiting();

        try (MqttTestDevice thief = MqttTestDevice.connect(broker(), LYON, PASSWORDS.get(LYON), session, false);
                MqttTestDevice sud = device(SUD, "sensor");
                MqttTestDevice lyon = device(LYON, "sensor")) {
            thief.subscribe(LYON + "/#");
            sud.publish(SUD + "/bins/1/fill", "later");
            lyon.publish(LYON + "/bins/1/fill", "own");
            thief.awaitPayload("own");
            Thread.sleep(500);
            assertThat(thief.received())
                    .extracting(MqttTestDevice.Received::payload)
                    .containsExactly("own");
        }
    }
}
