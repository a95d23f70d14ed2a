package eu.selfdata.governance.costsharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record BudgetPeriod(
        UUID id,
        String name,
        LocalDate startsOn,
        LocalDate endsOn,
        boolean closed,
        boolean statementsPublished,
        Instant closedAt,
        String closedBy) {}
