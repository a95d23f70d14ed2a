package eu.selfdata.mobility.trace;

/** Google Takeout's two location history formats. */
public enum TakeoutFormat {
    /** {@code Records.json}, the legacy raw history (until 2024). */
    RECORDS,
    /** The Timeline exported from the phone (Android {@code Timeline.json}, iOS {@code location-history.json}). */
    TIMELINE
}
