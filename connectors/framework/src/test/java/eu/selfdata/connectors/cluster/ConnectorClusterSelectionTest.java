package eu.selfdata.connectors.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code selfdata.connectors.cluster} picks the cluster service; nothing here reaches an API server. */
class ConnectorClusterSelectionTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConnectorClusterAutoConfiguration.class))
            .withBean(CamelContext.class, DefaultCamelContext::new);

    @Test
    void kubernetesElectsOverLeasesWithTheGivenNamespaceTimingsAndIdentity() {
        runner.withPropertyValues(
                        "selfdata.connectors.cluster=kubernetes",
                        "selfdata.connectors.lease.namespace=platform",
                        "selfdata.connectors.lease.identity=tenant-service-7f9c",
                        "selfdata.connectors.lease.duration=20s",
                        "selfdata.connectors.lease.renew-deadline=12s",
                        "selfdata.connectors.lease.retry-period=3s",
                        "selfdata.connectors.lease.prefix=selfdata-eu")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CamelClusterService cluster = context.getBean(CamelClusterService.class);
                    assertThat(cluster).isInstanceOf(KubernetesLeaseClusterService.class);
                    assertThat(cluster.getId()).isEqualTo("tenant-service-7f9c");
                    assertThat(context.getBean(CamelContext.class).hasService(cluster))
                            .isTrue();
                    LeaseSettings lease =
                            context.getBean(ConnectorClusterSettings.class).lease();
                    assertThat(lease.renewDeadline()).isEqualTo(Duration.ofSeconds(12));
                    assertThat(lease.retryPeriod()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(lease.duration()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(lease.prefix()).isEqualTo("selfdata-eu");
                });
    }

    @Test
    void timingsThatWouldLetTwoReplicasLeadAtOnceStopTheStartUp() {
        runner.withPropertyValues(
                        "selfdata.connectors.cluster=kubernetes",
                        "selfdata.connectors.lease.namespace=platform",
                        "selfdata.connectors.lease.duration=10s",
                        "selfdata.connectors.lease.renew-deadline=9s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("at least renew-deadline + 2 × retry-period"));
    }

    @Test
    void noneLeavesEveryRouteToThisReplica() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CamelClusterService.class));
    }
}
