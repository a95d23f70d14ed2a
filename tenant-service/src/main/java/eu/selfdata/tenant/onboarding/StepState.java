package eu.selfdata.tenant.onboarding;

public enum StepState {
    PENDING,
    RUNNING,
    DONE,
    FAILED,
    COMPENSATED
}
