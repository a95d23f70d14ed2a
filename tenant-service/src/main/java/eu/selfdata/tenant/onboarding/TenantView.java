package eu.selfdata.tenant.onboarding;

import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.saga.StepRecord;
import java.util.List;

/** A city for the coordinator: registry data, onboarding steps and history. */
public record TenantView(Tenant tenant, List<StepRecord> onboardingSteps, List<TenantRegistry.TenantEvent> events) {}
