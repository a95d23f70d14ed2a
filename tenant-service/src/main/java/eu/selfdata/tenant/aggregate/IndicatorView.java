package eu.selfdata.tenant.aggregate;

import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.NoiseBudget;
import java.time.Instant;

/**
 * An indicator of an enabled module, with its privacy budget, when it was last published and when it
 * may be next (both null: never published; the next "compute now" or scheduled run publishes it).
 */
record IndicatorView(
        String module,
        String id,
        LocalizedText label,
        LocalizedText unit,
        String purpose,
        NoiseBudget noise,
        Instant lastComputedAt,
        Instant nextComputationAt) {}
