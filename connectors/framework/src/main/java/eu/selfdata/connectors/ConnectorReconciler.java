package eu.selfdata.connectors;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/** Starts the cities' connectors once the host is up (after its schema migrations), then keeps them in step. */
class ConnectorReconciler implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConnectorReconciler.class);

    private final ConnectorHost host;
    private final ConnectorSettings settings;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("connector-reconciler").factory());

    ConnectorReconciler(ConnectorHost host, ConnectorSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        long every = settings.reconcileInterval().toMillis();
        timer.scheduleWithFixedDelay(this::reconcile, 0, every, TimeUnit.MILLISECONDS);
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
