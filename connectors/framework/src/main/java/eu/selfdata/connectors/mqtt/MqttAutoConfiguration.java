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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The platform's MQTT broker (embedded, or the configured external one) and the cities' subscriptions to it. */
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
    @ConditionalOnProperty(name = "selfdata.connectors.mqtt.url", havingValue = "", matchIfMissing = true)
    EmbeddedMqttBroker embeddedMqttBroker(
            ConnectorSettings settings, MqttBrokerSettings broker, BrokerAccounts accounts) throws IOException {
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

    @Bean
    MqttBroker mqttBroker(
            ConnectorSettings settings, MqttBrokerSettings broker, ObjectProvider<EmbeddedMqttBroker> embedded) {
        String url = settings.mqtt().external()
                ? settings.mqtt().url()
                : embedded.getObject().url();
        return new MqttBroker(url, broker.tls().clientSocketFactory());
    }

    @Bean
    MqttSource mqttSource(MqttBroker broker, BrokerAccounts accounts, SecretBox secrets) {
        return new MqttSource(broker, accounts, name -> secrets.tag("mqtt-client-id", name));
    }
}
