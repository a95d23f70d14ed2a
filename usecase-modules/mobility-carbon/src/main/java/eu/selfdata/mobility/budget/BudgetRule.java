package eu.selfdata.mobility.budget;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/** From the week starting {@code effectiveFrom} (a Monday) on, each citizen's weekly budget and what unused kilograms earn. */
public record BudgetRule(LocalDate effectiveFrom, long weeklyBudgetG, int creditsPerKgUnused) {

    public BudgetRule {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (effectiveFrom.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a rule starts on a Monday: " + effectiveFrom);
        }
        if (weeklyBudgetG < 0 || creditsPerKgUnused < 0) {
            throw new IllegalArgumentException("budget and credit rate are not negative");
        }
    }
}
