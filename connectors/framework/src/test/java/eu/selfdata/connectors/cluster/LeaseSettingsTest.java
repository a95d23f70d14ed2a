package eu.selfdata.connectors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaseSettingsTest {

    private static LeaseSettings timings(int durationMs, int renewMs, int retryMs) {
        return new LeaseSettings(
                null,
                Duration.ofMillis(durationMs),
                Duration.ofMillis(renewMs),
                Duration.ofMillis(retryMs),
                null,
                null);
    }

    @Test
    void defaultsAreKubernetesOwn() {
        LeaseSettings defaults = new LeaseSettings(null, null, null, null, null, null);

        assertThat(defaults.duration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.renewDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.retryPeriod()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.prefix()).isEqualTo("selfdata");
    }

    @Test
    void aLeaderMustGiveUpBeforeItsLeaseCanBeTaken() {
        assertThat(timings(2000, 1200, 300).duration()).isEqualTo(Duration.ofSeconds(2));
        // renew deadline + last attempt + its timeout outlast the Lease: two leaders at once
        assertThatIllegalArgumentException().isThrownBy(() -> timings(2000, 1500, 300));
        assertThatIllegalArgumentException().isThrownBy(() -> timings(2000, 2000, 300));
        // fabric8's own rule: the renew deadline leaves room for two jittered retries
        assertThatIllegalArgumentException().isThrownBy(() -> timings(15000, 600, 300));
        assertThatIllegalArgumentException().isThrownBy(() -> timings(2000, 1000, 50));
        assertThatIllegalArgumentException().isThrownBy(() -> timings(600_000, 10_000, 2000));
    }

    @Test
    void namesThatKubernetesWouldRefuseAreRefusedAtStartUp() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LeaseSettings("Kube_System", null, null, null, null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LeaseSettings(null, null, null, null, null, "a".repeat(31)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LeaseSettings(null, null, null, null, "pod a\n", null));
    }

    @Test
    void thePodsNameAndNamespaceComeFromTheDownwardApiUnlessSet() {
        LeaseSettings unset = new LeaseSettings(null, null, null, null, null, null);
        Map<String, String> pod = Map.of("POD_NAME", "tenant-1", "POD_NAMESPACE", "platform", "HOSTNAME", "host");

        LeaseSettings inPod = unset.resolve(pod, "default");
        assertThat(inPod.identity()).isEqualTo("tenant-1");
        assertThat(inPod.namespace()).isEqualTo("platform");

        LeaseSettings elsewhere = unset.resolve(Map.of("HOSTNAME", "host"), "default");
        assertThat(elsewhere.identity()).isEqualTo("host");
        assertThat(elsewhere.namespace()).isEqualTo("default");

        LeaseSettings set = new LeaseSettings("leases", null, null, null, "replica-a", null).resolve(pod, "default");
        assertThat(set.identity()).isEqualTo("replica-a");
        assertThat(set.namespace()).isEqualTo("leases");

        assertThatIllegalStateException().isThrownBy(() -> unset.resolve(Map.of(), null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> unset.resolve(Map.of("POD_NAME", "a b", "POD_NAMESPACE", "platform"), null));
    }
}
