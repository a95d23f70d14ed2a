package eu.selfdata.tenant.saga;

public enum StepState {
    PENDING,
    RUNNING,
    DONE,
    FAILED,
    COMPENSATED
}
