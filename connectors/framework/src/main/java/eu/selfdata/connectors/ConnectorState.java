package eu.selfdata.connectors;

import java.time.Instant;
import java.util.Objects;

/**
 * One connector's health as stored in its city's schema ({@code connector_health}), with the open
 * dead letters of its template.
 *
 * @param refusedSettings why the city's stored settings fail their rules (nothing runs), or null
 */
record ConnectorState(
        String template,
        Instant lastSuccess,
        Instant lastError,
        String lastErrorMessage,
        long succeeded,
        long failed,
        String refusedSettings,
        long openDeadLetters) {

    ConnectorState {
        Objects.requireNonNull(template, "template");
    }

    /** Refused settings, or an error not followed by a success. */
    boolean healthy() {
        return refusedSettings == null
                && (lastError == null || (lastSuccess != null && lastSuccess.isAfter(lastError)));
    }
}
