package eu.selfdata.governance.decisions;

import eu.selfdata.governance.decisions.domain.MotionKind;
import eu.selfdata.governance.decisions.domain.VotingRule;
import java.time.Instant;
import java.util.UUID;

/** A proposal put to the partners; {@code tally} is recorded when it closes. */
public record Motion(
        UUID id,
        MotionKind kind,
        String title,
        String description,
        VotingRule rule,
        UUID periodId,
        String status,
        Instant openedAt,
        Instant closedAt,
        String tally) {}
