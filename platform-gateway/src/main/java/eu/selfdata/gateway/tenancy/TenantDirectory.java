package eu.selfdata.gateway.tenancy;

import eu.selfdata.gateway.problem.ProblemException;
import eu.selfdata.gateway.problem.ProblemType;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The tenant directory held in memory. Requests read the current snapshot; tenant-service is asked
 * only by the poller and, at most once a second, when a host looks like a city not yet known, so a
 * city onboarded a moment ago is served without fetching the directory per request.
 */
@Component
class TenantDirectory {

    private static final Logger log = LoggerFactory.getLogger(TenantDirectory.class);
    private static final Duration MISS_REFRESH_GAP = Duration.ofSeconds(1);

    private final TenantDirectoryClient client;
    private final AtomicReference<DirectorySnapshot> current = new AtomicReference<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    // guarded by this: the one miss refresh that concurrent misses share, and when the next may start
    private Mono<Void> pendingMissRefresh;
    private long nextMissRefreshNanos = System.nanoTime();

    TenantDirectory(TenantDirectoryClient client) {
        this.client = client;
    }

    /** Loads the latest directory; on failure keeps the last one, so it never errors. */
    Mono<Void> refresh() {
        DirectorySnapshot held = current.get();
        return client.fetch(held == null ? null : held.etag())
                .doOnNext(this::install)
                .doOnSuccess(unused -> {
                    if (failing.compareAndSet(true, false)) {
                        log.info("Tenant directory reachable again");
                    }
                })
                .onErrorResume(error -> {
                    if (failing.compareAndSet(false, true)) {
                        log.warn(
                                "Tenant directory refresh failed, keeping version {}: {}",
                                held == null ? "none" : held.version(),
                                error.toString());
                    }
                    return Mono.empty();
                })
                .then();
    }

    /**
     * The city a host names, or empty when there is none. Fails with 503 while no directory was
     * ever loaded, since then no answer about any city would be true.
     */
    Mono<Tenant> find(RequestedHost host) {
        return Mono.justOrEmpty(lookup(host))
                .switchIfEmpty(Mono.defer(() -> missRefresh().then(Mono.defer(() -> {
                    if (current.get() == null) {
                        return Mono.error(new ProblemException(
                                ProblemType.SERVICE_UNAVAILABLE, "The tenant directory has not been loaded yet."));
                    }
                    return Mono.justOrEmpty(lookup(host));
                }))));
    }

    private Optional<Tenant> lookup(RequestedHost host) {
        DirectorySnapshot snapshot = current.get();
        return snapshot == null ? Optional.empty() : snapshot.find(host);
    }

    private void install(DirectorySnapshot snapshot) {
        DirectorySnapshot previous = current.getAndSet(snapshot);
        if (previous == null || !previous.version().equals(snapshot.version())) {
            log.info(
                    "Tenant directory version {} loaded: {} tenants",
                    snapshot.version(),
                    snapshot.bySlug().size());
        }
    }

    private synchronized Mono<Void> missRefresh() {
        if (pendingMissRefresh == null) {
            // waits for the next free slot instead of giving up, so a new city is still served
            long delayNanos = Math.max(0, nextMissRefreshNanos - System.nanoTime());
            nextMissRefreshNanos = System.nanoTime() + delayNanos + MISS_REFRESH_GAP.toNanos();
            pendingMissRefresh = Mono.delay(Duration.ofNanos(delayNanos))
                    .then(Mono.defer(this::refresh))
                    .doFinally(signal -> clearPendingMissRefresh())
                    .cache();
        }
        return pendingMissRefresh;
    }

    private synchronized void clearPendingMissRefresh() {
        pendingMissRefresh = null;
    }
}
