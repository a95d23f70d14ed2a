package eu.selfdata.governance.costsharing;

import eu.selfdata.governance.costsharing.domain.CostSharingKey;
import java.util.UUID;

/** One line of a period's budget (infrastructure, development, digital mediation, legal…) and its key. */
public record BudgetLine(UUID id, UUID periodId, String category, String label, long amountCents, CostSharingKey key) {}
