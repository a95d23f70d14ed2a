package eu.selfdata.tenant.onboarding;

import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStatus;
import java.util.Set;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resumes sagas left unfinished by a crash: at start-up and then periodically, which also picks up
 * cities whose replica died mid-saga (the advisory lock keeps two runs apart).
 */
@Component
class OnboardingResumer {

    private final TenantRegistry registry;
    private final OnboardingSaga saga;

    OnboardingResumer(TenantRegistry registry, OnboardingSaga saga) {
        this.registry = registry;
        this.saga = saga;
    }

    @Scheduled(
            initialDelayString = "${selfdata.onboarding.resume-initial-delay:0s}",
            fixedDelayString = "${selfdata.onboarding.resume-interval:60s}")
    void resumeInterrupted() {
        registry.slugsWithStatus(Set.of(TenantStatus.PROVISIONING)).forEach(saga::run);
    }
}
