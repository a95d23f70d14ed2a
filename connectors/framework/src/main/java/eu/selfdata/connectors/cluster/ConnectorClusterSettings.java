package eu.selfdata.connectors.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code selfdata.connectors.cluster*}: which Camel cluster service decides the one replica that runs
 * a city's connectors.
 *
 * @param cluster          {@code none} (every replica runs every route: one replica only),
 *                         {@code jdbc} (PostgreSQL advisory locks: embedded run, tests) or
 *                         {@code kubernetes} (Kubernetes Leases: {@link KubernetesLeaseClusterService})
 * @param clusterGroups    lock groups: a city's connectors belong to group {@code hash(city) mod groups}
 * @param clusterInterval  how often a replica tries to take a free group, and checks it still holds its own
 *                         ({@code jdbc})
 * @param lease            the Leases' namespace, timings and holder identity ({@code kubernetes})
 */
@ConfigurationProperties("selfdata.connectors")
public record ConnectorClusterSettings(
        Mode cluster, Integer clusterGroups, Duration clusterInterval, LeaseSettings lease) {

    public enum Mode {
        NONE,
        JDBC,
        KUBERNETES
    }

    public ConnectorClusterSettings {
        cluster = cluster == null ? Mode.NONE : cluster;
        clusterGroups = clusterGroups == null ? 16 : clusterGroups;
        clusterInterval = clusterInterval == null ? Duration.ofSeconds(2) : clusterInterval;
        lease = lease == null ? new LeaseSettings(null, null, null, null, null, null) : lease;
        if (clusterGroups < 1) {
            throw new IllegalArgumentException("selfdata.connectors.cluster-groups must be at least 1");
        }
    }
}
