package eu.selfdata.tenant.saga;

import java.time.Instant;

/** A step as the coordinator sees it while a city is onboarded. */
public record StepRecord(
        String name,
        int position,
        StepState state,
        int attempts,
        String lastError,
        Instant startedAt,
        Instant finishedAt) {}
