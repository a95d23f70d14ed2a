package eu.selfdata.tenant.consent;

import eu.selfdata.usecase.api.ConsentPurpose;
import eu.selfdata.usecase.api.ConsentState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A purpose offered in the city, in the citizen's language, with the citizen's decision if any. */
record PurposeView(
        String id,
        String module,
        String label,
        String description,
        String recipientKind,
        String recipient,
        List<String> dataCategories,
        String duration,
        ConsentState state,
        Instant decidedAt,
        Instant expiresAt,
        UUID receiptId) {

    static PurposeView of(PurposeCatalogue.OfferedPurpose offered, ConsentDecision decision, String language) {
        ConsentPurpose purpose = offered.purpose();
        return new PurposeView(
                purpose.id(),
                offered.module().id(),
                purpose.label().in(language),
                purpose.description().in(language),
                purpose.recipient().kind().name(),
                purpose.recipient().name().in(language),
                purpose.categoryIds(),
                purpose.duration().toString(),
                decision == null ? null : decision.state(),
                decision == null ? null : decision.decidedAt(),
                decision == null ? null : decision.expiresAt(),
                decision == null ? null : decision.receiptId());
    }
}
