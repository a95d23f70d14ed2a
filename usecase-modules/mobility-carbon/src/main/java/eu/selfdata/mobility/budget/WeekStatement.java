package eu.selfdata.mobility.budget;

import java.time.LocalDate;

/**
 * One week of a citizen's carbon budget. Credits are earned once the week is over, for the grams
 * left unused; an overspent week earns nothing and takes nothing back.
 */
public record WeekStatement(
        LocalDate weekStart, long budgetG, long usedG, long remainingG, long credits, boolean closed) {}
