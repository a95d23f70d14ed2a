package eu.selfdata.mobility.budget;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * CitiCap-like weekly budgets (Lahti): each week a citizen may emit the city's weekly budget;
 * what is left at the end of a week becomes credits at the city's rate, rounded down. A week counts
 * when the citizen recorded at least one leg in it — a week without data earns nothing, otherwise
 * switching tracking off would pay.
 */
public final class CarbonBudget {

    private CarbonBudget() {}

    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * @param rules      the city's rules, any order; weeks before the first rule get no budget
     * @param usedByWeek grams emitted per week (Monday), weeks with recorded legs only
     * @param today      in the city's time zone: weeks before its week are closed
     */
    public static List<WeekStatement> statements(
            List<BudgetRule> rules, NavigableMap<LocalDate, Long> usedByWeek, LocalDate today) {
        TreeMap<LocalDate, BudgetRule> byStart = new TreeMap<>();
        rules.forEach(rule -> byStart.put(rule.effectiveFrom(), rule));
        LocalDate currentWeek = weekOf(today);
        List<WeekStatement> statements = new ArrayList<>();
        usedByWeek.forEach((week, used) -> {
            var rule = byStart.floorEntry(week);
            if (rule == null || week.isAfter(currentWeek)) {
                return;
            }
            statements.add(statement(week, rule.getValue(), used, week.isBefore(currentWeek)));
        });
        return statements;
    }

    static WeekStatement statement(LocalDate week, BudgetRule rule, long usedG, boolean closed) {
        long remaining = Math.max(0, rule.weeklyBudgetG() - usedG);
        long credits = closed ? Math.multiplyExact(remaining, (long) rule.creditsPerKgUnused()) / 1000 : 0;
        return new WeekStatement(week, rule.weeklyBudgetG(), usedG, remaining, credits, closed);
    }

    /** The rule in force in a week, or null before the first. */
    public static BudgetRule ruleOn(List<BudgetRule> rules, LocalDate week) {
        return rules.stream()
                .filter(rule -> !rule.effectiveFrom().isAfter(week))
                .max(java.util.Comparator.comparing(BudgetRule::effectiveFrom))
                .orElse(null);
    }

    public static long totalCredits(List<WeekStatement> statements) {
        return statements.stream().mapToLong(WeekStatement::credits).sum();
    }
}
