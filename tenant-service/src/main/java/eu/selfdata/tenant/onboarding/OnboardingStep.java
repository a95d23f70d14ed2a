package eu.selfdata.tenant.onboarding;

import eu.selfdata.tenant.registry.Tenant;

/**
 * One step of the onboarding saga. Steps are beans, run in {@link #order()}: a later issue adds a
 * step (Keycloak, Kubernetes) by declaring a bean. {@link #execute} must be idempotent because a
 * crash may replay it; {@link #compensate} undoes it when a later step fails or the city leaves.
 */
public interface OnboardingStep {

    String name();

    int order();

    void execute(Tenant tenant);

    void compensate(Tenant tenant);
}
