package eu.selfdata.tenant.consent;

import eu.selfdata.usecase.api.ConsentState;
import java.time.Instant;
import java.util.UUID;

/** A citizen's latest decision on one purpose. */
public record ConsentDecision(
        String purposeId, ConsentState state, Instant decidedAt, Instant expiresAt, UUID receiptId) {

    boolean isGivenAt(Instant now) {
        return state == ConsentState.GIVEN && (expiresAt == null || expiresAt.isAfter(now));
    }
}
