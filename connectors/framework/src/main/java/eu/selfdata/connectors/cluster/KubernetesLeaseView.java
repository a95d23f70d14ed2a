package eu.selfdata.connectors.cluster;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/**
 * One lock group of {@link KubernetesLeaseClusterService}: this replica leads it while its elector holds the
 * group's Lease. An elector ends when leadership is lost (not renewed in time, or taken over); a new one then
 * campaigns after a retry period, as long as the view runs. Each elector is a term: callbacks of an ended term
 * change nothing.
 */
final class KubernetesLeaseView extends AbstractCamelClusterView {

    private final KubernetesLeaseClusterService service;
    private final LeaseName lease;
    private final CamelClusterMember local;
    private volatile boolean leader;
    private volatile String holder;
    private CompletableFuture<?> election = CompletableFuture.completedFuture(null);
    private int term;

    KubernetesLeaseView(KubernetesLeaseClusterService service, LeaseName lease) {
        super(service, lease.value());
        this.service = service;
        this.lease = lease;
        this.local = new Member(service.getId(), true);
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        if (leader) {
            return Optional.of(local);
        }
        String current = holder;
        return current == null || current.isEmpty() || current.equals(local.getId())
                ? Optional.empty()
                : Optional.of(new Member(current, false));
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    /** This replica and the Lease's holder: a Lease tells who leads, not who else waits. */
    @Override
    public List<CamelClusterMember> getMembers() {
        return Stream.concat(Stream.of(local), getLeader().stream().filter(member -> !member.isLocal()))
                .toList();
    }

    @Override
    protected synchronized void doStart() {
        campaign();
    }

    @Override
    protected void doStop() {
        CompletableFuture<?> ending;
        synchronized (this) {
            term++;
            ending = election;
        }
        // Routes stop (in-flight messages finish) before the Lease lets another replica start them.
        stepDown();
        ending.cancel(true);
    }

    private synchronized void campaign() {
        int current = ++term;
        election = service.elector(
                        lease,
                        new LeaderCallbacks(() -> started(current), () -> stopped(current), name -> holder = name))
                .start();
        election.whenComplete((ignored, error) -> ended(current));
    }

    private void started(int of) {
        // A leadership gained while Camel shuts its routes down would start one of them again (and Camel's
        // route lock and the policy's lock would then deadlock): take nothing while stopping.
        CamelContext camel = service.getCamelContext();
        synchronized (this) {
            if (of != term || camel == null || camel.isStopping() || camel.isStopped()) {
                return;
            }
            leader = true;
        }
        fireLeadershipChangedEvent(Optional.of(local));
    }

    private void stopped(int of) {
        synchronized (this) {
            if (of != term) {
                return;
            }
        }
        stepDown();
    }

    private void ended(int of) {
        stopped(of);
        synchronized (this) {
            if (of == term && isRunAllowed()) {
                CompletableFuture.delayedExecutor(service.retryPeriod().toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> resume(of));
            }
        }
    }

    private synchronized void resume(int of) {
        if (of == term && isRunAllowed()) {
            campaign();
        }
    }

    private void stepDown() {
        synchronized (this) {
            if (!leader) {
                return;
            }
            leader = false;
        }
        fireLeadershipChangedEvent(Optional.empty());
    }

    private final class Member implements CamelClusterMember {

        private final String id;
        private final boolean isLocal;

        Member(String id, boolean isLocal) {
            this.id = id;
            this.isLocal = isLocal;
        }

        @Override
        public boolean isLeader() {
            return isLocal ? leader : id.equals(holder);
        }

        @Override
        public boolean isLocal() {
            return isLocal;
        }

        @Override
        public String getId() {
            return id;
        }
    }
}
