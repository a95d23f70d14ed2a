package eu.selfdata.connectors.mqtt;

import eu.selfdata.connectors.ConnectorConfigs;
import eu.selfdata.connectors.ConnectorSettings;
import eu.selfdata.connectors.ConnectorsAutoConfiguration;
import eu.selfdata.connectors.MqttBroker;
import eu.selfdata.connectors.settings.SecretBox;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CityDirectory;
import eu.selfdata.usecase.api.CityTransactions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The platform's MQTT broker and the cities' subscriptions to it, as {@link MqttRole} says: a broker
 * here ({@code embedded}, {@code broker}), or none and the subscriptions to {@code url} ({@code client}).
 */
@AutoConfiguration(after = ConnectorsAutoConfiguration.class)
@EnableConfigurationProperties(MqttBrokerSettings.class)
@ConditionalOnBean(CityDatabase.class)
public class MqttAutoConfiguration {

    /** The cities' MQTT accounts from their sealed secrets (a host or a test may declare its own). */
    @Bean
    @ConditionalOnMissingBean
    BrokerAccounts sealedBrokerAccounts(
            CityTransactions transactions, SecretBox secrets, CityDirectory directory, ConnectorConfigs configs) {
        return new SealedBrokerAccounts(transactions, secrets, directory, configs);
    }

    @Bean(destroyMethod = "stop")
    @Conditional(RunsBrokerHere.class)
    EmbeddedMqttBroker embeddedMqttBroker(
            ConnectorSettings settings, MqttBrokerSettings broker, BrokerAccounts accounts) throws IOException {
        if (broker.role() == MqttRole.BROKER) {
            requireBrokerWorkloadSettings(settings.mqtt());
        }
        // Artemis locks its journal folder: two brokers in one process (two contexts) need two folders.
        Path journal = settings.mqtt().embeddedDataDirectory() != null
                ? settings.mqtt().embeddedDataDirectory()
                : Files.createTempDirectory("selfdata-mqtt-");
        return new EmbeddedMqttBroker(
                        journal,
                        broker.embeddedHost(),
                        settings.mqtt().embeddedPort(),
                        accounts,
                        broker.tls().keyStore())
                .start();
    }

    /**
     * The broker workload is what sensors and replicas are told to reach: a fixed port, and a journal
     * that outlives the pod (a temporary folder would lose the messages not yet acknowledged).
     */
    private static void requireBrokerWorkloadSettings(ConnectorSettings.Mqtt mqtt) {
        if (mqtt.embeddedPort() == 0) {
            throw new IllegalStateException(
                    "selfdata.connectors.mqtt.role=broker needs selfdata.connectors.mqtt.embedded-port");
        }
        if (mqtt.embeddedDataDirectory() == null) {
            throw new IllegalStateException(
                    "selfdata.connectors.mqtt.role=broker needs selfdata.connectors.mqtt.embedded-data-directory (its journal, on a volume)");
        }
    }

    @Bean
    MqttBroker mqttBroker(
            ConnectorSettings settings, MqttBrokerSettings broker, ObjectProvider<EmbeddedMqttBroker> embedded) {
        String url = MqttRole.of(broker.role(), settings.mqtt().url()).startsBroker()
                ? embedded.getObject().url()
                : settings.mqtt().url();
        return new MqttBroker(url, broker.tls().clientSocketFactory());
    }

    @Bean
    MqttSource mqttSource(MqttBroker broker, BrokerAccounts accounts, SecretBox secrets) {
        return new MqttSource(broker, accounts, name -> secrets.tag("mqtt-client-id", name));
    }
}
