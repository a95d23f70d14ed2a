package eu.selfdata.usecase.api;

import java.util.List;

/**
 * Copies of citizens' data that rows keyed by {@code citizen_id} do not hold (a module or the connector
 * framework declares them as beans): files whose name carries the
 * citizen's id (a drop folder's {@code done/} and {@code failed/}), rows keyed otherwise (a dead letter, a
 * processed-message key). Each copy declares where it is ({@link CopyLocation}), so a test can prove that
 * every stored identifier is reached by some source, and erases the citizen's part of it. Erasure calls
 * {@link #erase} outside the city-data transaction (a deleted file cannot roll back): it must be idempotent.
 */
public interface PersonalDataCopies {

    /** Where the copies are kept. */
    List<CopyLocation> locations();

    /** Deletes every copy about the citizen in the current city; a second call finds nothing to do. */
    void erase(CitizenId citizen);
}
