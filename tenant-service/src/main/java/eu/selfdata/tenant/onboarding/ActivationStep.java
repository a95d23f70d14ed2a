package eu.selfdata.tenant.onboarding;

import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStatus;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Last step: the city starts being served. Conditional, so a replay never activates twice. */
@Component
class ActivationStep implements OnboardingStep {

    private final TenantRegistry registry;

    ActivationStep(TenantRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "activation";
    }

    @Override
    public int order() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void execute(Tenant tenant) {
        registry.transition(tenant.slug(), Set.of(TenantStatus.PROVISIONING), TenantStatus.ACTIVE, "ACTIVATED");
    }

    @Override
    public void compensate(Tenant tenant) {
        // Nothing to undo: offboarding changes the status itself.
    }
}
