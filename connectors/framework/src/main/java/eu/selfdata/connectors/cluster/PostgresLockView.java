package eu.selfdata.connectors.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/** One namespace of {@link PostgresLockClusterService}: this replica leads it while it holds its lock. */
final class PostgresLockView extends AbstractCamelClusterView {

    private final PostgresLockClusterService service;
    private final long key;
    private final CamelClusterMember local = new LocalMember();
    private volatile boolean leader;
    private ScheduledFuture<?> attempts;

    PostgresLockView(PostgresLockClusterService service, String namespace, long key) {
        super(service, namespace);
        this.service = service;
        this.key = key;
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        return leader ? Optional.of(local) : Optional.empty();
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    /** Only this replica is known: the lock tells who leads, not who else waits. */
    @Override
    public List<CamelClusterMember> getMembers() {
        return List.of(local);
    }

    @Override
    protected void doStart() {
        attempts = service.every(this::attempt);
    }

    @Override
    protected void doStop() {
        attempts.cancel(false);
        if (leader) {
            // Routes stop (in-flight messages finish) before the lock lets another replica start them.
            leader = false;
            fireLeadershipChangedEvent(Optional.empty());
            service.release(key);
        }
    }

    private synchronized void attempt() {
        // A leadership gained while Camel shuts its routes down would start one of them again (and
        // Camel's route lock and the policy's lock would then deadlock): take nothing while stopping.
        CamelContext camel = service.getCamelContext();
        if (!isRunAllowed() || camel == null || camel.isStopping() || camel.isStopped()) {
            return;
        }
        boolean holds = service.hold(key, leader);
        if (holds != leader) {
            leader = holds;
            fireLeadershipChangedEvent(holds ? Optional.of(local) : Optional.empty());
        }
    }

    private final class LocalMember implements CamelClusterMember {

        @Override
        public boolean isLeader() {
            return leader;
        }

        @Override
        public boolean isLocal() {
            return true;
        }

        @Override
        public String getId() {
            return service.getId();
        }
    }
}
