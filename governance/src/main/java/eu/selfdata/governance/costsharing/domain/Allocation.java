package eu.selfdata.governance.costsharing.domain;

import java.util.UUID;

/** What one partner is charged on one budget line, in integer cents. */
public record Allocation(UUID partnerId, long cents) {

    public Allocation {
        if (cents < 0) {
            throw new IllegalArgumentException("An allocation is never negative");
        }
    }
}
