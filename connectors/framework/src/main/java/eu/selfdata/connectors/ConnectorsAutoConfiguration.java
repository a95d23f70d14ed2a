package eu.selfdata.connectors;

import eu.selfdata.usecase.api.CityDatabase;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/** The connector framework inside its host: one dependency, no host code. */
@AutoConfiguration(afterName = {
        "org.apache.camel.spring.boot.CamelAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@EnableConfigurationProperties(ConnectorSettings.class)
// Only in a host that provides the city services (tenant-service), not in any app that has the jar on its classpath.
@ConditionalOnBean(CityDatabase.class)
public class ConnectorsAutoConfiguration {

    @Bean
    CityJdbc connectorCityJdbc(DataSource dataSource) {
        return new CityJdbc(dataSource);
    }

    @Bean(DeadLetters.BEAN)
    DeadLetters selfdataDeadLetters(CityJdbc connectorCityJdbc) {
        return new DeadLetters(connectorCityJdbc);
    }

    @Bean(ProcessedMessages.BEAN)
    ProcessedMessages selfdataProcessedMessages(CityJdbc connectorCityJdbc) {
        return new ProcessedMessages(connectorCityJdbc);
    }

    @Bean
    ConnectorConfigs connectorConfigs(CityJdbc connectorCityJdbc) {
        return new ConnectorConfigs(connectorCityJdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    CityDirectory connectorCityDirectory(CityJdbc connectorCityJdbc) {
        return new RegistryCityDirectory(connectorCityJdbc);
    }

    @Bean(ConnectorHealth.BEAN)
    ConnectorHealth connectorsHealthContributor(DeadLetters deadLetters, List<ConnectorTemplate> templates) {
        return new ConnectorHealth(deadLetters,
                id -> templates.stream().filter(template -> template.id().equals(id)).findFirst(), Clock.systemUTC());
    }

    @Bean
    ConnectorHost connectorHost(CamelContext camel, List<ConnectorTemplate> templates, CityDirectory directory,
                                ConnectorConfigs configs, @Qualifier(ConnectorHealth.BEAN) ConnectorHealth health) {
        return new ConnectorHost(camel, templates, directory, configs, health);
    }

    @Bean
    @Order(100)
    @ConditionalOnProperty(name = "selfdata.connectors.enabled", matchIfMissing = true)
    ConnectorReconciler connectorReconciler(ConnectorHost host, ConnectorSettings settings) {
        return new ConnectorReconciler(host, settings);
    }

    @Bean
    @ConditionalOnBean(CityDatabase.class)
    ConnectorAdminController connectorAdminController(CityDatabase city, ConnectorHost host, ConnectorConfigs configs,
                                                      @Qualifier(ConnectorHealth.BEAN) ConnectorHealth health,
                                                      DeadLetters deadLetters, CityDirectory directory) {
        return new ConnectorAdminController(city, host, configs, health, deadLetters, directory);
    }
}
