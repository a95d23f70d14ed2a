package eu.selfdata.mobility.budget;

import eu.selfdata.usecase.api.CityStaff;
import eu.selfdata.usecase.api.CommonProblems;
import eu.selfdata.usecase.api.CurrentCitizen;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The citizen's weekly carbon budget; the city's budget rules (admins set them). */
@RestController
@RequestMapping("/api/mobility-carbon")
public class BudgetController {

    private final Budgets budgets;
    private final CurrentCitizen citizen;
    private final CityStaff staff;

    public BudgetController(Budgets budgets, CurrentCitizen citizen, CityStaff staff) {
        this.budgets = budgets;
        this.citizen = citizen;
        this.staff = staff;
    }

    @GetMapping("/budget")
    Budgets.BudgetView mine() {
        return budgets.of(citizen.require());
    }

    @GetMapping("/settings/budget-rules")
    List<BudgetRule> rules() {
        staff.requireAdmin();
        return budgets.rules();
    }

    @PutMapping("/settings/budget-rules")
    List<BudgetRule> set(@RequestBody NewRule rule) {
        staff.requireAdmin();
        if (rule == null
                || rule.effectiveFrom() == null
                || rule.weeklyBudgetG() == null
                || rule.creditsPerKgUnused() == null) {
            throw CommonProblems.INVALID_REQUEST.exception(
                    "a rule has effectiveFrom (a Monday), weeklyBudgetG and creditsPerKgUnused");
        }
        budgets.set(new BudgetRule(rule.effectiveFrom(), rule.weeklyBudgetG(), rule.creditsPerKgUnused()));
        return budgets.rules();
    }

    record NewRule(LocalDate effectiveFrom, Long weeklyBudgetG, Integer creditsPerKgUnused) {}
}
