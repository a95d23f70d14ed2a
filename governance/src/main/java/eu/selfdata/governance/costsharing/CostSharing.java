package eu.selfdata.governance.costsharing;

import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.audit.AuditTrail;
import eu.selfdata.governance.consortium.Partner;
import eu.selfdata.governance.consortium.Partners;
import eu.selfdata.governance.consortium.Roles;
import eu.selfdata.governance.costsharing.domain.Allocation;
import eu.selfdata.governance.costsharing.domain.Allocator;
import eu.selfdata.governance.costsharing.domain.Contributor;
import eu.selfdata.governance.costsharing.domain.CostSharingKey;
import eu.selfdata.governance.costsharing.domain.InfeasibleAllocationException;
import eu.selfdata.governance.costsharing.domain.KeyWeights;
import eu.selfdata.governance.problem.GovernanceException;
import eu.selfdata.governance.problem.ProblemType;
import eu.selfdata.governance.tenantservice.CityUsage;
import eu.selfdata.governance.tenantservice.TenantServiceClient;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets per period and how they are shared. Platform coordinators and the lead coordinator prepare
 * a period; only the lead coordinator closes it, which freezes every allocation; nothing about a
 * closed period changes after.
 */
@Component
public class CostSharing {

    private final Budgets budgets;
    private final Partners partners;
    private final Roles roles;
    private final TenantServiceClient tenantService;
    private final AuditTrail audit;

    CostSharing(Budgets budgets, Partners partners, Roles roles, TenantServiceClient tenantService, AuditTrail audit) {
        this.budgets = budgets;
        this.partners = partners;
        this.roles = roles;
        this.tenantService = tenantService;
        this.audit = audit;
    }

    List<BudgetPeriod> periods(Caller caller) {
        requireInsider(caller);
        return budgets.periods();
    }

    @Transactional
    BudgetPeriod openPeriod(Caller caller, String name, LocalDate startsOn, LocalDate endsOn) {
        requireManager(caller);
        if (endsOn.isBefore(startsOn)) {
            throw GovernanceException.invalid("The period ends before it starts");
        }
        BudgetPeriod period = new BudgetPeriod(UUID.randomUUID(), name, startsOn, endsOn, false, false, null, null);
        budgets.insertPeriod(period);
        audit.record(caller.subject(), "PERIOD_OPENED", "budget_period", period.id(), null, period);
        return budgets.period(period.id());
    }

    @Transactional
    BudgetLine addLine(
            Caller caller, UUID periodId, String category, String label, long amountCents, CostSharingKey key) {
        requireManager(caller);
        BudgetPeriod period = budgets.lockPeriod(periodId);
        requireOpen(period);
        requireMembers(period, key);
        BudgetLine line = new BudgetLine(UUID.randomUUID(), periodId, category, label, amountCents, key);
        budgets.insertLine(line);
        audit.record(caller.subject(), "LINE_ADDED", "budget_line", line.id(), null, line);
        return line;
    }

    @Transactional
    BudgetLine changeKey(Caller caller, UUID periodId, UUID lineId, CostSharingKey key) {
        requireManager(caller);
        BudgetPeriod period = budgets.lockPeriod(periodId);
        requireOpen(period);
        BudgetLine before =
                budgets.line(periodId, lineId).orElseThrow(() -> GovernanceException.notFound("Budget line " + lineId));
        requireMembers(period, key);
        budgets.updateKey(lineId, key);
        BudgetLine after = budgets.line(periodId, lineId).orElseThrow();
        audit.record(caller.subject(), "KEY_CHANGED", "budget_line", lineId, before.key(), after.key());
        return after;
    }

    @Transactional
    void removeLine(Caller caller, UUID periodId, UUID lineId) {
        requireManager(caller);
        requireOpen(budgets.lockPeriod(periodId));
        BudgetLine before =
                budgets.line(periodId, lineId).orElseThrow(() -> GovernanceException.notFound("Budget line " + lineId));
        budgets.deleteLine(lineId);
        audit.record(caller.subject(), "LINE_REMOVED", "budget_line", lineId, before, null);
    }

    /** Reads each city's usage over the period from tenant-service. */
    @Transactional
    Map<String, CityUsage> refreshUsage(Caller caller, UUID periodId) {
        requireManager(caller);
        BudgetPeriod period = budgets.lockPeriod(periodId);
        requireOpen(period);
        Map<String, CityUsage> before = budgets.usage(periodId);
        budgets.replaceUsage(periodId, tenantService.usage(period.startsOn(), period.endsOn()));
        Map<String, CityUsage> after = budgets.usage(periodId);
        audit.record(caller.subject(), "USAGE_METERED", "budget_period", periodId, before, after);
        return after;
    }

    PeriodAllocation allocation(Caller caller, UUID periodId) {
        requireManagerOrPublished(caller, budgets.period(periodId));
        return allocate(budgets.period(periodId));
    }

    @Transactional
    BudgetPeriod close(Caller caller, UUID periodId) {
        if (!roles.actsForLead(caller)) {
            throw GovernanceException.forbidden("Only the lead coordinator closes a period");
        }
        BudgetPeriod period = budgets.lockPeriod(periodId);
        requireOpen(period);
        PeriodAllocation allocation = allocate(period);
        Map<UUID, List<Allocation>> byLine = new LinkedHashMap<>();
        allocation.lines().forEach(line -> byLine.put(line.line().id(), line.allocations()));
        budgets.close(periodId, caller.subject(), byLine);
        BudgetPeriod closed = budgets.period(periodId);
        audit.record(caller.subject(), "PERIOD_CLOSED", "budget_period", periodId, period, allocation.totalsCents());
        return closed;
    }

    @Transactional
    BudgetPeriod publish(Caller caller, UUID periodId) {
        requireManager(caller);
        BudgetPeriod before = budgets.lockPeriod(periodId);
        budgets.publish(periodId);
        BudgetPeriod after = budgets.period(periodId);
        audit.record(caller.subject(), "STATEMENTS_PUBLISHED", "budget_period", periodId, before, after);
        return after;
    }

    /**
     * A partner's statement: its own representatives, the coordinators and the lead see it; other
     * partners only once the consortium published the period's statements.
     */
    Statement statement(Caller caller, UUID periodId, UUID partnerId) {
        BudgetPeriod period = budgets.period(periodId);
        Partner partner = partners.get(partnerId);
        if (!partners.represents(caller, partner)) {
            requireManagerOrPublished(caller, period);
        }
        PeriodAllocation allocation = allocate(period);
        List<Statement.Line> lines = allocation.lines().stream()
                .map(line -> new Statement.Line(
                        line.line().category(),
                        line.line().label(),
                        line.line().amountCents(),
                        describe(line.line().key()),
                        line.centsOf(partnerId)))
                .toList();
        return new Statement(
                period.id(),
                period.name(),
                period.startsOn(),
                period.endsOn(),
                period.closed(),
                partner.id(),
                partner.name(),
                lines,
                allocation.totalsCents().getOrDefault(partnerId, 0L));
    }

    /** What each partner was charged in a closed period: the weights of contribution-weighted votes. */
    public Map<UUID, Long> contributions(UUID periodId) {
        BudgetPeriod period = budgets.period(periodId);
        if (!period.closed()) {
            throw new GovernanceException(
                    ProblemType.STATE_CONFLICT,
                    "Contributions are known once period '" + period.name() + "' is closed");
        }
        return allocate(period).totalsCents();
    }

    private PeriodAllocation allocate(BudgetPeriod period) {
        List<BudgetLine> lines = budgets.lines(period.id());
        List<PeriodAllocation.LineAllocation> allocated;
        if (period.closed()) {
            Map<UUID, List<Allocation>> frozen = budgets.closedAllocations(period.id());
            allocated = lines.stream()
                    .map(line -> new PeriodAllocation.LineAllocation(line, frozen.getOrDefault(line.id(), List.of())))
                    .toList();
        } else {
            List<Contributor> members = contributors(period);
            allocated = lines.stream()
                    .map(line -> {
                        List<Contributor> contributors = line.key().partners().isEmpty()
                                ? members
                                : members.stream()
                                        .filter(member -> line.key().partners().contains(member.partnerId()))
                                        .toList();
                        try {
                            return new PeriodAllocation.LineAllocation(
                                    line,
                                    Allocator.allocate(
                                            line.amountCents(),
                                            KeyWeights.claimants(line.key(), line.amountCents(), contributors)));
                        } catch (InfeasibleAllocationException e) {
                            throw new InfeasibleAllocationException("Line '" + line.label() + "': " + e.getMessage());
                        }
                    })
                    .toList();
        }
        Map<UUID, Long> totals = new LinkedHashMap<>();
        allocated.forEach(line -> line.allocations().forEach(a -> totals.merge(a.partnerId(), a.cents(), Long::sum)));
        return new PeriodAllocation(period, allocated, totals);
    }

    private List<Contributor> contributors(BudgetPeriod period) {
        Map<String, CityUsage> usage = budgets.usage(period.id());
        Map<UUID, Partner> byId = new HashMap<>();
        partners.all().forEach(partner -> byId.put(partner.id(), partner));
        return budgets.membersDuring(period).stream()
                .map(byId::get)
                .map(partner -> {
                    CityUsage metered = partner.isCity()
                            ? usage.getOrDefault(partner.citySlug(), new CityUsage(partner.citySlug(), 0, 0, 0))
                            : new CityUsage(null, 0, 0, 0);
                    return new Contributor(
                            partner.id(),
                            partner.name(),
                            partner.isCity(),
                            partner.population() == null ? 0 : partner.population(),
                            metered.activeCitizens(),
                            metered.storedBytes(),
                            metered.apiCalls());
                })
                .toList();
    }

    private static String describe(CostSharingKey key) {
        String basis = key.basis().name().toLowerCase().replace('_', ' ');
        String shape = key.fixedPercent() > 0
                ? key.fixedPercent() + "% equal + " + (100 - key.fixedPercent()) + "% by " + basis
                : (key.basis() == CostSharingKey.Basis.EQUAL ? "equal shares" : "pro rata of " + basis);
        return key.solidarity() == null
                ? shape
                : shape + ", solidarity x" + key.solidarity().coefficient().toPlainString() + " under "
                        + key.solidarity().populationBelow() + " inhabitants";
    }

    /** A key names only partners that were members during the period. */
    private void requireMembers(BudgetPeriod period, CostSharingKey key) {
        java.util.Set<UUID> named = new java.util.HashSet<>(key.partners());
        named.addAll(key.floorsCents().keySet());
        named.addAll(key.capsCents().keySet());
        named.removeAll(budgets.membersDuring(period));
        if (!named.isEmpty()) {
            throw GovernanceException.invalid(
                    "The key names partners that were not members during the period: " + named);
        }
    }

    private static void requireOpen(BudgetPeriod period) {
        if (period.closed()) {
            throw new GovernanceException(
                    ProblemType.PERIOD_CLOSED,
                    "Period '" + period.name() + "' is closed: its budget and keys are final");
        }
    }

    private void requireManager(Caller caller) {
        if (!caller.coordinator() && !roles.actsForLead(caller)) {
            throw GovernanceException.forbidden(
                    "Budgets are prepared by the platform coordinators and the lead coordinator");
        }
    }

    private void requireManagerOrPublished(Caller caller, BudgetPeriod period) {
        boolean manager = caller.coordinator() || roles.actsForLead(caller);
        if (!manager
                && !(period.statementsPublished()
                        && !partners.representedBy(caller).isEmpty())) {
            throw GovernanceException.forbidden(
                    "Other partners' figures are visible once the consortium publishes them");
        }
    }

    private void requireInsider(Caller caller) {
        if (!caller.coordinator() && partners.representedBy(caller).isEmpty()) {
            throw GovernanceException.forbidden("Only partners' representatives and coordinators see budgets");
        }
    }
}
