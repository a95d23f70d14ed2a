package eu.selfdata.usecase.api;

/** Where a citizen stands on a purpose; only {@link #GIVEN} allows processing. */
public enum ConsentState {
    GIVEN,
    REFUSED,
    WITHDRAWN
}
