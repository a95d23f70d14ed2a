package eu.selfdata.connectors;

import java.time.Instant;

/** A record a connector could not take in, kept in the city's schema until retried or discarded. */
public record DeadLetter(
        long id,
        String template,
        String source,
        String sourceKey,
        Long lineNumber,
        String record,
        String reason,
        Status status,
        int attempts,
        Instant failedAt,
        Instant resolvedAt) {

    public enum Status {
        OPEN,
        RETRIED,
        DISCARDED
    }

    /** What a template reports about one failing record. */
    public record Failure(
            String template, String source, String sourceKey, Long lineNumber, String record, String reason) {}
}
