package eu.selfdata.connectors;

import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.connectors.outbound.OutboundGuard;
import eu.selfdata.connectors.retention.ConnectorRetention;
import eu.selfdata.connectors.settings.SecretBox;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CityDirectory;
import eu.selfdata.usecase.api.CityScope;
import eu.selfdata.usecase.api.CityStaff;
import eu.selfdata.usecase.api.CityTransactions;
import eu.selfdata.usecase.api.RetentionRule;
import java.util.List;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * The connector framework inside its host: one dependency, no host code. The host provides the SPI's
 * city services ({@code usecase-api}): {@link CityDatabase} and {@link CityScope} (every read and write
 * in a city's schema goes through them), {@link CityDirectory}, {@link CityStaff} and the outbound
 * allow-list.
 */
@AutoConfiguration(afterName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@EnableConfigurationProperties(ConnectorSettings.class)
// Only in a host that provides the city services (tenant-service), not in any app that has the jar on its classpath.
@ConditionalOnBean(CityDatabase.class)
public class ConnectorsAutoConfiguration {

    /** Connector work in a city's schema, outside requests: the host's scope and database, one transaction a call. */
    @Bean
    @ConditionalOnMissingBean
    CityTransactions cityTransactions(CityScope scope, CityDatabase database) {
        return new CityTransactions(scope, database);
    }

    @Bean(DeadLetters.BEAN)
    DeadLetters selfdataDeadLetters(CityTransactions transactions) {
        return new DeadLetters(transactions);
    }

    @Bean
    ConnectorCopies connectorCopies(CityDatabase database) {
        return new ConnectorCopies(database);
    }

    @Bean(ProcessedMessages.BEAN)
    ProcessedMessages selfdataProcessedMessages(CityTransactions transactions) {
        return new ProcessedMessages(transactions);
    }

    /** Fails the start when the key is missing or malformed: a secret must never be stored in clear. */
    @Bean
    SecretBox connectorSecretBox(ConnectorSettings settings) {
        return new SecretBox(settings.secretKey());
    }

    @Bean
    ConnectorConfigs connectorConfigs(CityTransactions transactions, SecretBox connectorSecretBox) {
        return new ConnectorConfigs(transactions, connectorSecretBox);
    }

    @Bean
    CityFolders connectorCityFolders(ConnectorSettings settings) {
        return new CityFolders(settings.dropDirectory());
    }

    @Bean
    RetentionRule connectorDeadLettersRetention(CityDatabase database) {
        return ConnectorRetention.deadLetters(database);
    }

    @Bean
    RetentionRule connectorImportedFilesRetention(CityDatabase database, CityFolders connectorCityFolders) {
        return ConnectorRetention.importedFiles(database, connectorCityFolders);
    }

    @Bean(RunningConnectors.BEAN)
    RunningConnectors selfdataRunningConnectors() {
        return new RunningConnectors();
    }

    @Bean
    PlaceholderHardening connectorPlaceholderHardening() {
        return new PlaceholderHardening();
    }

    @Bean(ConnectorHealth.BEAN)
    ConnectorHealth connectorsHealthContributor(
            CityTransactions transactions,
            DeadLetters deadLetters,
            CityDirectory directory,
            List<ConnectorTemplate> templates,
            @Qualifier(RunningConnectors.BEAN) RunningConnectors running) {
        return new ConnectorHealth(new ConnectorStates(transactions, deadLetters), directory, templates, running);
    }

    @Bean
    ConnectorHost connectorHost(
            CamelContext camel,
            List<ConnectorTemplate> templates,
            CityDirectory directory,
            ConnectorConfigs configs,
            @Qualifier(ConnectorHealth.BEAN) ConnectorHealth health,
            @Qualifier(RunningConnectors.BEAN) RunningConnectors running) {
        return new ConnectorHost(camel, templates, directory, configs, health, running);
    }

    @Bean
    @Order(100)
    @ConditionalOnProperty(name = "selfdata.connectors.enabled", matchIfMissing = true)
    ConnectorReconciler connectorReconciler(ConnectorHost host, ConnectorSettings settings) {
        return new ConnectorReconciler(host, settings);
    }

    @Bean
    ConnectorAdministration connectorAdministration(
            CityDatabase city,
            CityStaff staff,
            ConnectorHost host,
            ConnectorConfigs configs,
            @Qualifier(ConnectorHealth.BEAN) ConnectorHealth health,
            DeadLetters deadLetters,
            CityDirectory directory,
            OutboundGuard outbound) {
        return new ConnectorAdministration(city, staff, host, configs, health, deadLetters, directory, outbound);
    }

    @Bean
    ConnectorAdminController connectorAdminController(ConnectorAdministration administration) {
        return new ConnectorAdminController(administration);
    }
}
