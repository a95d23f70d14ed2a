package eu.selfdata.mobility.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CarbonBudgetTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void unusedGramsOfClosedWeeksBecomeCreditsAtTheRuleOfTheirWeek() {
        List<BudgetRule> rules =
                List.of(new BudgetRule(MONDAY, 20_000, 10), new BudgetRule(MONDAY.plusWeeks(2), 15_000, 20));
        TreeMap<LocalDate, Long> used = new TreeMap<>();
        used.put(MONDAY, 12_500L);
        used.put(MONDAY.plusWeeks(1), 25_000L);
        used.put(MONDAY.plusWeeks(2), 5_000L);
        used.put(MONDAY.plusWeeks(3), 1_000L);

        List<WeekStatement> weeks =
                CarbonBudget.statements(rules, used, MONDAY.plusWeeks(3).plusDays(2));

        assertThat(weeks).extracting(WeekStatement::credits).containsExactly(75L, 0L, 200L, 0L);
        assertThat(weeks).extracting(WeekStatement::closed).containsExactly(true, true, true, false);
        assertThat(weeks.get(3).remainingG()).isEqualTo(14_000);
        assertThat(CarbonBudget.totalCredits(weeks)).isEqualTo(275);
    }

    @Test
    void weeksBeforeTheFirstRuleHaveNoBudget() {
        TreeMap<LocalDate, Long> used = new TreeMap<>();
        used.put(MONDAY.minusWeeks(1), 100L);
        assertThat(CarbonBudget.statements(List.of(new BudgetRule(MONDAY, 1, 1)), used, MONDAY.plusWeeks(1)))
                .isEmpty();
    }

    @Property
    void creditsAreNeverNegativeAndNeverGrowWithEmissions(
            @ForAll @LongRange(max = 100_000) long used,
            @ForAll @LongRange(max = 50_000) long more,
            @ForAll @LongRange(max = 100_000) long budget,
            @ForAll @IntRange(max = 1_000) int rate) {
        BudgetRule rule = new BudgetRule(MONDAY, budget, rate);
        WeekStatement less = CarbonBudget.statement(MONDAY, rule, used, true);
        WeekStatement moreUsed = CarbonBudget.statement(MONDAY, rule, used + more, true);
        assertThat(less.credits()).isNotNegative().isGreaterThanOrEqualTo(moreUsed.credits());
        assertThat(less.credits()).isLessThanOrEqualTo(budget * rate / 1000);
    }

    @Property
    void anOpenWeekEarnsNothingYet(@ForAll @LongRange(max = 100_000) long used) {
        assertThat(CarbonBudget.statement(MONDAY, new BudgetRule(MONDAY, 20_000, 10), used, false)
                        .credits())
                .isZero();
    }
}
