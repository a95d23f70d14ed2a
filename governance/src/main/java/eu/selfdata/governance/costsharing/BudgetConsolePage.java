package eu.selfdata.governance.costsharing;

import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.consortium.Partner;
import eu.selfdata.governance.consortium.Partners;
import eu.selfdata.governance.costsharing.domain.Cents;
import eu.selfdata.governance.problem.GovernanceException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The coordinator console's budget view (platform host, platform coordinators): each period with
 * its lines split among the partners, totals, and links to each partner's statement (printable HTML
 * or CSV). A period whose floors and caps cannot all hold shows why instead of figures.
 */
@Controller
class BudgetConsolePage {

    private final CostSharing costSharing;
    private final Partners partners;

    BudgetConsolePage(CostSharing costSharing, Partners partners) {
        this.costSharing = costSharing;
        this.partners = partners;
    }

    @GetMapping("/governance/console/budget")
    String budget(Caller caller, Model model) {
        caller.requirePlatformHost();
        caller.requireCoordinator();
        List<Partner> members = partners.members();
        model.addAttribute("section", "budget");
        model.addAttribute(
                "periods",
                costSharing.periods(caller).stream()
                        .map(period -> {
                            try {
                                return new PeriodView(
                                        period, costSharing.allocation(caller, period.id()), null, members);
                            } catch (GovernanceException e) {
                                return new PeriodView(period, null, e.getMessage(), members);
                            }
                        })
                        .toList());
        return "console/budget";
    }

    record PeriodView(BudgetPeriod period, PeriodAllocation allocation, String error, List<Partner> partners) {

        public long share(PeriodAllocation.LineAllocation line, UUID partner) {
            return line.centsOf(partner);
        }

        public long total(UUID partner) {
            return allocation.totalsCents().getOrDefault(partner, 0L);
        }

        public String euros(long cents) {
            return Cents.format(cents);
        }
    }
}
