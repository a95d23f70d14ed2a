package eu.selfdata.mobility.budget;

import eu.selfdata.mobility.web.CityStaff;
import eu.selfdata.mobility.web.Problems;
import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** The citizen's weekly carbon budget; the city's budget rules (admins set them). */
@RestController
@RequestMapping("/api/mobility-carbon")
public class BudgetController {

    private final Budgets budgets;
    private final CurrentCitizen citizen;

    public BudgetController(Budgets budgets, CurrentCitizen citizen) {
        this.budgets = budgets;
        this.citizen = citizen;
    }

    @GetMapping("/budget")
    Budgets.BudgetView mine() {
        return budgets.of(citizen.require());
    }

    @GetMapping("/settings/budget-rules")
    List<BudgetRule> rules() {
        CityStaff.requireAdmin();
        return budgets.rules();
    }

    @PutMapping("/settings/budget-rules")
    List<BudgetRule> set(@RequestBody NewRule rule) {
        CityStaff.requireAdmin();
        if (rule == null || rule.effectiveFrom() == null || rule.weeklyBudgetG() == null || rule.creditsPerKgUnused() == null) {
            throw Problems.invalid("a rule has effectiveFrom (a Monday), weeklyBudgetG and creditsPerKgUnused");
        }
        budgets.set(new BudgetRule(rule.effectiveFrom(), rule.weeklyBudgetG(), rule.creditsPerKgUnused()));
        return budgets.rules();
    }

    record NewRule(LocalDate effectiveFrom, Long weeklyBudgetG, Integer creditsPerKgUnused) {
    }
}
