package eu.selfdata.governance.costsharing;

import eu.selfdata.governance.costsharing.domain.Allocation;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A period's lines, each split among the partners, and what each partner owes in all. */
public record PeriodAllocation(BudgetPeriod period, List<LineAllocation> lines, Map<UUID, Long> totalsCents) {

    public record LineAllocation(BudgetLine line, List<Allocation> allocations) {

        long centsOf(UUID partner) {
            return allocations.stream()
                    .filter(a -> a.partnerId().equals(partner))
                    .mapToLong(Allocation::cents)
                    .sum();
        }
    }
}
