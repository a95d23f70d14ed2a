package eu.selfdata.tenant.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Off unless {@code selfdata.kubernetes.enabled}: the embedded run has no cluster. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("selfdata.kubernetes.enabled")
@EnableConfigurationProperties(KubernetesProperties.class)
class KubernetesConfiguration {

    /** In a pod: the service account's token and namespace; elsewhere: kubeconfig. */
    @Bean(destroyMethod = "close")
    KubernetesClient kubernetesClient() {
        return new KubernetesClientBuilder().build();
    }
}
