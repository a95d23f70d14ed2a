package eu.selfdata.tenant.aggregate;

import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStatus;
import eu.selfdata.tenant.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes every active city's indicators on the city's schedule: checked every
 * {@code selfdata.indicators.schedule-check} (default an hour) on every replica, while the per-indicator
 * advisory lock and the period check in {@link CityIndicators} make each publication happen once per
 * period across the replica set.
 */
@Component
class IndicatorSchedule {

    private static final Logger log = LoggerFactory.getLogger(IndicatorSchedule.class);

    private final TenantRegistry registry;
    private final CityIndicators indicators;

    IndicatorSchedule(TenantRegistry registry, CityIndicators indicators) {
        this.registry = registry;
        this.indicators = indicators;
    }

    @Scheduled(
            fixedDelayString = "${selfdata.indicators.schedule-check:1h}",
            initialDelayString = "${selfdata.indicators.schedule-check:1h}")
    void publishEveryCity() {
        registry.list().stream()
                .filter(tenant -> tenant.status() == TenantStatus.ACTIVE)
                .forEach(tenant -> {
                    try {
                        TenantContext.run(tenant.id(), indicators::publishDue);
                    } catch (RuntimeException e) {
                        log.warn("Indicators of {} not published: {}", tenant.slug(), e.getMessage());
                    }
                });
    }
}
