package eu.selfdata.usecase.api;

import java.util.SequencedMap;

/** Receives a citizen's rows one at a time while they are exported; keeps nothing in memory. */
@FunctionalInterface
public interface RowSink {

    /** One row, column name to value, in a stable column order (the CSV header follows the first row). */
    void row(SequencedMap<String, Object> row);
}
