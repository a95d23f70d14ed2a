package eu.selfdata.tenant.retention;

import eu.selfdata.connectors.cluster.ConnectorLockGroups;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStatus;
import eu.selfdata.tenant.tenancy.TenantContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the purges of every active city every {@code selfdata.retention.interval} (default 6h), once per replica
 * set: a city is purged on the replica that leads its connectors' lock group ({@link ConnectorLockGroups}), or
 * here when connectors are not clustered ({@code selfdata.connectors.cluster=none}, one replica).
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final TenantRegistry registry;
    private final Retention retention;
    private final ObjectProvider<ConnectorLockGroups> lockGroups;
    private final Clock clock;

    RetentionJob(
            TenantRegistry registry, Retention retention, ObjectProvider<ConnectorLockGroups> lockGroups, Clock clock) {
        this.registry = registry;
        this.retention = retention;
        this.lockGroups = lockGroups;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${selfdata.retention.interval:6h}",
            initialDelayString = "${selfdata.retention.initial-delay:10m}")
    void purgeEveryCity() {
        purgeEveryCity(clock);
    }

    /**
     * Purges every active city this replica leads, as of {@code at} (the job's clock; another to see a later day).
     *
     * @return the cities purged on this replica
     */
    public List<String> purgeEveryCity(Clock at) {
        List<String> purged = new ArrayList<>();
        for (Tenant tenant : registry.list()) {
            if (tenant.status() != TenantStatus.ACTIVE || !leads(tenant.slug())) {
                continue;
            }
            try {
                purgeCity(tenant, at);
                purged.add(tenant.slug());
            } catch (RuntimeException e) {
                log.warn("Retention of {} not run: {}", tenant.slug(), e.getMessage());
            }
        }
        return purged;
    }

    /** Purges one city now, as of {@code at}, whoever leads it (an operator's run, or a test's). */
    public Map<String, Long> purgeCity(String city, Clock at) {
        return purgeCity(registry.get(city), at);
    }

    private Map<String, Long> purgeCity(Tenant tenant, Clock at) {
        return TenantContext.call(tenant.id(), () -> retention.purgeHere(at.instant()));
    }

    private boolean leads(String city) {
        ConnectorLockGroups groups = lockGroups.getIfAvailable();
        return groups == null || groups.leads(city);
    }
}
