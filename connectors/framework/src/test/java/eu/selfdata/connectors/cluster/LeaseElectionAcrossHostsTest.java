package eu.selfdata.connectors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two connector hosts (two Camel contexts, each with its {@link KubernetesLeaseClusterService}) elect over
 * Leases held by fabric8's mock API server in CRUD mode (it stores the Leases and refuses an update carrying a
 * stale resource version). Each lock group has one master route working through a shared backlog the way a
 * polling connector works through its source: read the position, process the item, write the position. Two
 * leaders at once would process items twice; a lost leadership not taken over would leave items undone.
 */
class LeaseElectionAcrossHostsTest {

    private static final String NAMESPACE = "selfdata";
    private static final Duration LEASE = Duration.ofSeconds(4);
    private static final Duration RETRY = Duration.ofMillis(300);
    private static final LeaseSettings SETTINGS =
            new LeaseSettings(NAMESPACE, LEASE, Duration.ofSeconds(2), RETRY, null, "selfdata");
    /** fabric8 releases a Lease by shortening it to one second (its holder stays written until taken). */
    private static final Duration RELEASED_LEASE = Duration.ofSeconds(1);

    /** Requests of the hosts named here get 503: they are cut from the API server, as a crashed pod would be. */
    private final Set<String> cut = ConcurrentHashMap.newKeySet();

    private final KubernetesMockServer apiServer = startApiServer(cut);
    private final KubernetesClient admin = apiServer.createClient();
    private final List<Host> hosts = new ArrayList<>();

    @AfterEach
    void stop() {
        cut.clear();
        hosts.forEach(host -> host.camel().stop());
        admin.close();
        apiServer.destroy();
    }

    @Test
    void exactlyOneHostLeadsEachLockGroupAndKeepsIt() {
        List<String> groups = List.of("connectors-0", "connectors-1", "connectors-2", "Lyon_Sud/../kube-system");
        Map<String, Backlog> backlogs = new HashMap<>();
        groups.forEach(group -> backlogs.put(group, new Backlog(1_000_000)));
        Host a = host("replica-a", backlogs);
        Host b = host("replica-b", backlogs);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(groups)
                        .allSatisfy(group -> assertThat(leaders(group, a, b)).hasSize(1)));
        Map<String, String> leaderOf = new HashMap<>();
        groups.forEach(group -> leaderOf.put(group, leaders(group, a, b).getFirst()));

        long until = System.nanoTime() + LEASE.multipliedBy(2).toNanos();
        while (System.nanoTime() < until) {
            for (String group : groups) {
                assertThat(leaders(group, a, b)).as(group).containsExactly(leaderOf.get(group));
            }
        }
        for (String group : groups) {
            Lease lease = lease(group);
            assertThat(lease.getMetadata().getName())
                    .matches("selfdata-[a-z0-9-]+")
                    .hasSizeLessThanOrEqualTo(63);
            assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(leaderOf.get(group));
            assertThat(lease.getSpec().getLeaseTransitions()).isZero();
            assertThat(backlogs.get(group).overlaps).hasValue(0);
        }
    }

    @Test
    void whenTheLeaderStopsTheOtherTakesOverAtOnceAndFinishesTheWorkExactlyOnce() {
        Map<String, Backlog> backlogs = Map.of("connectors-0", new Backlog(300));
        Backlog backlog = backlogs.get("connectors-0");
        Host a = host("replica-a", backlogs);
        await().atMost(Duration.ofSeconds(5)).until(() -> backlog.cursor.get() >= 20);
        Host b = host("replica-b", backlogs);

        long stopped = System.nanoTime();
        a.camel().stop();

        await().atMost(Duration.ofSeconds(10)).until(() -> backlog.cursor.get() == backlog.size);
        assertThat(Duration.ofNanos(backlog.firstStepOf("replica-b") - stopped))
                // fabric8 leaves a released Lease for RELEASED_LEASE, then the other takes it at its next try;
                // bounded by the Lease's duration rather than that sum, which a loaded CI machine overran
                .as("a released Lease is taken before it would have expired")
                .isGreaterThanOrEqualTo(RELEASED_LEASE)
                .isLessThan(LEASE);
        assertEveryItemDoneOnceByBoth(backlog);
        assertThat(lease("connectors-0").getSpec().getHolderIdentity()).isEqualTo(b.name());
    }

    @Test
    void whenTheLeaderStopsRenewingWithoutReleasingTheOtherTakesOverWithinTheLeaseAndFinishesTheWorkExactlyOnce() {
        Map<String, Backlog> backlogs = Map.of("connectors-0", new Backlog(600));
        Backlog backlog = backlogs.get("connectors-0");
        Host a = host("replica-a", backlogs);
        await().atMost(Duration.ofSeconds(5)).until(() -> backlog.cursor.get() >= 20);
        host("replica-b", backlogs);

        long crashed = System.nanoTime();
        cut.add(a.name());

        await().atMost(Duration.ofSeconds(30)).until(() -> backlog.cursor.get() == backlog.size);
        Duration takeOver = Duration.ofNanos(backlog.firstStepOf("replica-b") - crashed);
        // The Lease was renewed at most one retry period before the cut; b tries every 1 to 2.2 retry periods.
        assertThat(takeOver).isLessThan(LEASE.plus(RETRY.multipliedBy(4)));
        assertThat(backlog.lastStepOf("replica-a"))
                .as("a gave the group up before b took it")
                .isLessThan(backlog.firstStepOf("replica-b"));
        assertEveryItemDoneOnceByBoth(backlog);
        Lease lease = lease("connectors-0");
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("replica-b");
        assertThat(lease.getSpec().getLeaseTransitions()).isEqualTo(1);
    }

    private static void assertEveryItemDoneOnceByBoth(Backlog backlog) {
        assertThat(backlog.overlaps).as("steps run by two leaders at once").hasValue(0);
        assertThat(backlog.processed).hasSize(backlog.size);
        assertThat(backlog.processed.values())
                .as("times each item was processed")
                .allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(Set.copyOf(backlog.doneBy.values())).containsExactlyInAnyOrder("replica-a", "replica-b");
    }

    private Lease lease(String group) {
        return admin.leases()
                .inNamespace(NAMESPACE)
                .withName(LeaseName.of("selfdata", group).value())
                .get();
    }

    private static List<String> leaders(String group, Host... hosts) {
        List<String> leaders = new ArrayList<>();
        for (Host host : hosts) {
            if (host.camel().getRouteController().getRouteStatus(group).isStarted()) {
                leaders.add(host.name());
            }
        }
        return leaders;
    }

    private Host host(String name, Map<String, Backlog> backlogs) {
        KubernetesClient client;
        try (KubernetesClient base = apiServer.createClient()) {
            client = KubernetesLeaseClusterService.client(
                    new ConfigBuilder(base.getConfiguration())
                            .withUserAgent(name)
                            .build(),
                    SETTINGS);
        }
        KubernetesLeaseClusterService cluster =
                new KubernetesLeaseClusterService(client, SETTINGS.resolve(Map.of("POD_NAME", name), null));
        CamelContext camel = new DefaultCamelContext();
        try {
            camel.addService(cluster, true, true);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() throws Exception {
                    for (Map.Entry<String, Backlog> entry : backlogs.entrySet()) {
                        from("timer:work?delay=0&period=10")
                                .routeId(entry.getKey())
                                .routePolicy(ClusteredRoutePolicy.forNamespace(cluster, entry.getKey()))
                                .process(exchange -> entry.getValue().step(name));
                    }
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        camel.start();
        Host host = new Host(name, camel);
        hosts.add(host);
        return host;
    }

    private static KubernetesMockServer startApiServer(Set<String> cut) {
        KubernetesCrudDispatcher dispatcher = new KubernetesCrudDispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String agent = request.getHeader("User-Agent");
                return agent != null && cut.contains(agent)
                        ? new MockResponse().setResponseCode(503)
                        : super.dispatch(request);
            }
        };
        KubernetesMockServer server =
                new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        return server;
    }

    private record Host(String name, CamelContext camel) {}

    /** A source worked through by position, as a polling connector does; counts what each step did. */
    private static final class Backlog {

        final int size;
        final AtomicInteger cursor = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final Map<Integer, AtomicInteger> processed = new ConcurrentHashMap<>();
        final Map<Integer, String> doneBy = new ConcurrentHashMap<>();
        private final AtomicInteger running = new AtomicInteger();
        private final Map<String, Long> firstStep = new ConcurrentHashMap<>();
        private final Map<String, Long> lastStep = new ConcurrentHashMap<>();

        Backlog(int size) {
            this.size = size;
        }

        void step(String host) throws InterruptedException {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                int next = cursor.get();
                if (next >= size) {
                    return;
                }
                long now = System.nanoTime();
                firstStep.putIfAbsent(host, now);
                lastStep.put(host, now);
                processed.computeIfAbsent(next, item -> new AtomicInteger()).incrementAndGet();
                doneBy.put(next, host);
                Thread.sleep(2); // between reading the position and writing it, where a second leader would slip in
                cursor.set(next + 1);
            } finally {
                running.decrementAndGet();
            }
        }

        long firstStepOf(String host) {
            return firstStep.get(host);
        }

        long lastStepOf(String host) {
            return lastStep.get(host);
        }
    }
}
