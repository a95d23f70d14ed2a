package eu.selfdata.tenant.erasure;

import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStatus;
import eu.selfdata.usecase.api.CityScope;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resumes erasures whose step failed (once its back-off has passed) or whose replica died mid-way: at
 * start-up and then periodically; the saga's advisory lock keeps two replicas from running one erasure.
 */
@Component
class ErasureResumer {

    private static final Logger log = LoggerFactory.getLogger(ErasureResumer.class);

    private final TenantRegistry registry;
    private final CityScope scope;
    private final ErasureJournal journal;
    private final ErasureSaga saga;

    ErasureResumer(TenantRegistry registry, CityScope scope, ErasureJournal journal, ErasureSaga saga) {
        this.registry = registry;
        this.scope = scope;
        this.journal = journal;
        this.saga = saga;
    }

    @Scheduled(
            initialDelayString = "${selfdata.erasure.resume-initial-delay:0s}",
            fixedDelayString = "${selfdata.erasure.resume-interval:30s}")
    void resumeDue() {
        for (String city : registry.slugsWithStatus(Set.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED))) {
            try {
                scope.run(city, () -> journal.due().forEach(saga::run));
            } catch (RuntimeException e) {
                log.warn("Erasures of {} not resumed this time: {}", city, e.getMessage());
            }
        }
    }
}
