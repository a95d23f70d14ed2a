package eu.selfdata.gateway.tenancy;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/** Refreshes the tenant directory at start-up and then every {@code selfdata.directory.refresh-interval}. */
@Component
class TenantDirectoryPoller implements SmartLifecycle {

    private final TenantDirectory directory;
    private final TenancyProperties properties;
    private volatile Disposable polling;

    TenantDirectoryPoller(TenantDirectory directory, TenancyProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    @Override
    public void start() {
        polling = Flux.interval(Duration.ZERO, properties.directory().refreshInterval())
                // a tick that arrives while a slow refresh runs is skipped, not queued
                .onBackpressureDrop()
                .concatMap(tick -> directory.refresh(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        polling.dispose();
    }

    @Override
    public boolean isRunning() {
        return polling != null && !polling.isDisposed();
    }
}
