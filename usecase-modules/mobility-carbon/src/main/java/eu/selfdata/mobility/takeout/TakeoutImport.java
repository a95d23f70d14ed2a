package eu.selfdata.mobility.takeout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One import of a citizen's Takeout file as they see it: where it stands, how far it went, and what
 * it kept. {@code pointsKept} were stored; {@code pointsOutside} fell outside the period the citizen
 * chose and were not; {@code duplicates} were stored already; {@code visits} and {@code activities}
 * served as evidence for the trips and were not stored as such. A refused import carries its
 * {@code problem} (RFC 9457 fields).
 */
public record TakeoutImport(
        long id,
        UUID upload,
        Status status,
        Phase phase,
        String format,
        LocalDate keepFrom,
        LocalDate keepTo,
        long fileBytes,
        long bytesRead,
        int weeksDone,
        int weeksTotal,
        long pointsRead,
        long pointsKept,
        long pointsOutside,
        long duplicates,
        int visits,
        int activities,
        int trips,
        Problem problem,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt) {

    /** How far the current phase went, 0 to 100: bytes read while scanning or reading, weeks while finding trips. */
    public int percent() {
        long done = phase == Phase.SEGMENTING ? weeksDone : bytesRead;
        long total = phase == Phase.SEGMENTING ? weeksTotal : fileBytes;
        return total <= 0 ? 0 : (int) Math.min(100, 100 * done / total);
    }

    public enum Status {
        QUEUED,
        RUNNING,
        DONE,
        FAILED,
        CANCELLED;

        public boolean active() {
            return this == QUEUED || this == RUNNING;
        }
    }

    /** What a running import is doing: gathering the Timeline's evidence, reading points, finding trips week by week. */
    public enum Phase {
        SCANNING,
        READING,
        SEGMENTING
    }

    /** Why an import was refused, as a problem detail's fields (type relative to the platform's problem base). */
    public record Problem(String type, String title, int status, String detail) {}
}
