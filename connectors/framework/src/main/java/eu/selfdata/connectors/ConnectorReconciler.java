package eu.selfdata.connectors;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the cities' connectors once the host is up (after its schema migrations), then keeps them in step. A
 * stopped or paused context stops its connectors too: a context that is not serving must not keep reading the
 * cities' drop folders and brokers with settings it no longer follows (the test framework pauses the contexts it
 * caches, and two hosts on one folder would each take files with their own settings).
 */
class ConnectorReconciler implements ApplicationRunner, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConnectorReconciler.class);

    private final ConnectorHost host;
    private final ConnectorSettings settings;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("connector-reconciler").factory());
    /** Set once the application has run: a lifecycle start before that (the context's refresh) waits for it. */
    private boolean armed;

    private ScheduledFuture<?> reconciling;

    ConnectorReconciler(ConnectorHost host, ConnectorSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    @Override
    public synchronized void run(ApplicationArguments args) {
        armed = true;
        schedule(0);
    }

    /** A restart after a stop or a pause: the connectors are back before the context serves again. */
    @Override
    public synchronized void start() {
        if (armed && reconciling == null) {
            reconcile();
            schedule(settings.reconcileInterval().toMillis());
        }
    }

    private void schedule(long firstDelay) {
        long every = settings.reconcileInterval().toMillis();
        reconciling = timer.scheduleWithFixedDelay(this::reconcile, firstDelay, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (reconciling != null) {
            reconciling.cancel(false);
            reconciling = null;
            // host.reconcile and host.stopAll are synchronized: a pass in progress ends before the routes go.
            host.stopAll();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return reconciling != null;
    }

    private void reconcile() {
        try {
            host.reconcile();
        } catch (RuntimeException e) {
            log.warn("Connector reconciliation failed: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        host.stopAll();
    }
}
