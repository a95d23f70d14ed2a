package eu.selfdata.energywater.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A day a water meter used more than the citizen's threshold: a possible leak, until they mark it seen. */
public record LeakAlert(
        long id, UUID meterId, LocalDate day, long litres, int threshold, Instant raisedAt, Instant seenAt) {}
