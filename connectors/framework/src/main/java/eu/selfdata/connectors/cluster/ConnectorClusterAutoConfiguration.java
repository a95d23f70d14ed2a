package eu.selfdata.connectors.cluster;

import eu.selfdata.connectors.ConnectorTemplate;
import eu.selfdata.connectors.ConnectorsAutoConfiguration;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.management.ManagementFactory;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;

/**
 * One run of a city's connectors across replicas ({@code selfdata.connectors.cluster}): with
 * {@code jdbc} this replica takes part through PostgreSQL advisory locks; with {@code kubernetes}
 * through Kubernetes Leases in its namespace (its service account may get, create and update them).
 * Either way connector routes get the lock-group route policy before the host starts them.
 */
@AutoConfiguration(after = ConnectorsAutoConfiguration.class)
@EnableConfigurationProperties(ConnectorClusterSettings.class)
@ConditionalOnExpression("'${selfdata.connectors.cluster:none}'.toLowerCase() != 'none'")
public class ConnectorClusterAutoConfiguration {

    @Bean
    @ConditionalOnProperty(name = "selfdata.connectors.cluster", havingValue = "jdbc")
    PostgresLockClusterService connectorLockClusterService(DataSource dataSource, ConnectorClusterSettings settings) {
        return new PostgresLockClusterService(
                "connectors-" + ManagementFactory.getRuntimeMXBean().getName(), dataSource, settings.clusterInterval());
    }

    /** In a pod: the service account's token; elsewhere: kubeconfig. */
    @Bean
    @ConditionalOnProperty(name = "selfdata.connectors.cluster", havingValue = "kubernetes")
    KubernetesLeaseClusterService connectorLeaseClusterService(ConnectorClusterSettings settings) {
        KubernetesClient client = KubernetesLeaseClusterService.client(Config.autoConfigure(null), settings.lease());
        try {
            return new KubernetesLeaseClusterService(
                    client, settings.lease().resolve(System.getenv(), client.getNamespace()));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Registered on the Camel context, which starts and stops the cluster service after its routes. */
    @Bean
    ConnectorLockGroups connectorLockGroups(
            CamelContext camel,
            ObjectProvider<CamelClusterService> clusters,
            List<ConnectorTemplate> templates,
            ConnectorClusterSettings settings)
            throws Exception {
        CamelClusterService cluster = clusters.getIfUnique(() -> {
            throw new IllegalStateException("selfdata.connectors.cluster=" + settings.cluster()
                    + " needs exactly one CamelClusterService bean");
        });
        if (!camel.hasService(cluster)) {
            camel.addService(cluster, true, true);
        }
        ConnectorLockGroups groups = new ConnectorLockGroups(cluster, templates, settings.clusterGroups());
        camel.addRoutePolicyFactory(groups);
        return groups;
    }

    /**
     * On shutdown this replica first gives its groups up (its connector routes stop once, in this
     * thread), so that no leadership arrives while Camel stops the routes and the others take over at once.
     */
    @Bean
    ApplicationListener<ContextClosedEvent> connectorClusterRelease(ObjectProvider<CamelClusterService> clusters) {
        return event -> clusters.ifUnique(ServiceHelper::stopService);
    }
}
