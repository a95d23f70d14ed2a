package eu.selfdata.connectors.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.Objects;
import org.apache.camel.support.cluster.AbstractCamelClusterService;

/**
 * A Camel cluster service whose leaders hold Kubernetes Leases ({@code coordination.k8s.io/v1}), one
 * Lease per namespace (lock group), through fabric8's {@link LeaderElector}: what
 * {@code camel-kubernetes} does, which is not served here for Camel 4.22. A replica that dies or loses
 * the API server stops renewing; the others take its groups once the Lease's duration has passed, after
 * it has given them up itself ({@link LeaseSettings}). On stop, a leader releases its Leases at once.
 */
public class KubernetesLeaseClusterService extends AbstractCamelClusterService<KubernetesLeaseView> {

    private final KubernetesClient client;
    private final LeaseSettings settings;

    /**
     * @param client   owned by this service (closed on shutdown), made by {@link #client(Config, LeaseSettings)}
     * @param settings {@linkplain LeaseSettings#resolve resolved}: namespace and identity set
     */
    public KubernetesLeaseClusterService(KubernetesClient client, LeaseSettings settings) {
        super(Objects.requireNonNull(settings.identity(), "identity"));
        Objects.requireNonNull(settings.namespace(), "namespace");
        this.client = client;
        this.settings = settings;
    }

    /**
     * A client for the elections: each request times out after one retry period and is not retried by the
     * client, so that a leader cut from the API server notices within its renew deadline rather than after the
     * client's own back-off (10 s timeouts, 10 retries by default), when another replica could lead already.
     */
    public static KubernetesClient client(Config base, LeaseSettings settings) {
        int timeout = Math.toIntExact(settings.retryPeriod().toMillis());
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(base)
                        .withRequestTimeout(timeout)
                        .withConnectionTimeout(timeout)
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build();
    }

    @Override
    protected KubernetesLeaseView createView(String namespace) {
        return new KubernetesLeaseView(this, LeaseName.of(settings.prefix(), namespace));
    }

    /** A single-use elector for one Lease (fabric8's electors cannot start twice). */
    LeaderElector elector(LeaseName lease, LeaderCallbacks callbacks) {
        return client.leaderElector()
                .withConfig(new LeaderElectionConfigBuilder()
                        .withName(lease.value())
                        .withLock(new LeaseLock(settings.namespace(), lease.value(), getId()))
                        .withLeaseDuration(settings.duration())
                        .withRenewDeadline(settings.renewDeadline())
                        .withRetryPeriod(settings.retryPeriod())
                        .withLeaderCallbacks(callbacks)
                        .withReleaseOnCancel(true)
                        .build())
                .build();
    }

    Duration retryPeriod() {
        return settings.retryPeriod();
    }

    @Override
    protected void doShutdown() throws Exception {
        super.doShutdown();
        client.close();
    }
}
