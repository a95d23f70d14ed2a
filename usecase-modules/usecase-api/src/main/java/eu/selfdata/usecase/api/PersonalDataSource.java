package eu.selfdata.usecase.api;

import java.util.List;

/**
 * One category of personal data and the tables that hold it. The core calls it inside a
 * transaction on the city's schema, for the citizen who asked (export) or who leaves (erasure).
 * {@link CitizenTables} implements it for tables keyed by a {@code citizen_id} column.
 */
public interface PersonalDataSource {

    PersonalDataCategory category();

    /** Tables of the city schema this source exports and erases, children before parents. */
    List<String> tables();

    /** Streams every row about the citizen to the sink, without collecting them. */
    void export(CitizenId citizen, RowSink sink);

    /** Deletes every row about the citizen from {@link #tables()}. */
    void erase(CitizenId citizen);

    /** The category in standard formats too (GPX, GeoJSON…), put in the export archive beside its JSON and CSV. */
    default List<PortableFile> portableFiles() {
        return List.of();
    }
}
