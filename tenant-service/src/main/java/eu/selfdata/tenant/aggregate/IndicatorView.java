package eu.selfdata.tenant.aggregate;

import eu.selfdata.usecase.api.LocalizedText;
import java.time.Instant;

/** An indicator of an enabled module, with when it was last computed (null: never). */
record IndicatorView(
        String module, String id, LocalizedText label, LocalizedText unit, String purpose, Instant lastComputedAt) {}
