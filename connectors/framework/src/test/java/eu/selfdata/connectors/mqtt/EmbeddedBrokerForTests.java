package eu.selfdata.connectors.mqtt;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** The embedded broker outside Spring, on a free loopback port. */
final class EmbeddedBrokerForTests {

    private EmbeddedBrokerForTests() {}

    /** @param keyStore null for plain TCP */
    static EmbeddedMqttBroker start(Path journal, BrokerAccounts accounts, MqttBrokerSettings.StoreFile keyStore) {
        // What BrokerLogDefaults does in a Spring host: Artemis' audit loggers fail on JDK 24+.
        ((Logger) LoggerFactory.getLogger("org.apache.activemq.audit")).setLevel(Level.OFF);
        return new EmbeddedMqttBroker(journal, "127.0.0.1", 0, accounts, keyStore).start();
    }
}
