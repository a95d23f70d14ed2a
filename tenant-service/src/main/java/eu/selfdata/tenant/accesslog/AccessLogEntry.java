package eu.selfdata.tenant.accesslog;

import eu.selfdata.usecase.api.Accessor;
import java.time.Instant;

/** Who read which of the citizen's data, when, and why. */
record AccessLogEntry(
        Instant accessedAt, Accessor.Kind accessorKind, String accessor, String category, String reason) {}
