package eu.selfdata.tenant.saga;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** A step of a saga (a city's onboarding, a citizen's erasure) as the coordinator or the citizen sees it. */
public record StepRecord(
        String name,
        int position,
        StepState state,
        int attempts,
        String lastError,
        Instant startedAt,
        Instant finishedAt) {

    /** The journals' columns, in this order: name, position, state, attempts, last_error, started_at, finished_at. */
    public static final String COLUMNS = "name, position, state, attempts, last_error, started_at, finished_at";

    /** One row selected with {@link #COLUMNS}. */
    public static StepRecord of(ResultSet rs, int row) throws SQLException {
        return new StepRecord(
                rs.getString(1),
                rs.getInt(2),
                StepState.valueOf(rs.getString(3)),
                rs.getInt(4),
                rs.getString(5),
                instant(rs.getTimestamp(6)),
                instant(rs.getTimestamp(7)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
