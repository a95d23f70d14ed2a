package eu.selfdata.usecase.api;

/**
 * Records a read of a citizen's personal data by anyone but the citizen; the citizen sees every
 * entry. Append-only: there is no way to change or remove an entry.
 */
public interface AccessLog {

    void record(CitizenId citizen, Accessor accessor, String categoryId, String reason);
}
