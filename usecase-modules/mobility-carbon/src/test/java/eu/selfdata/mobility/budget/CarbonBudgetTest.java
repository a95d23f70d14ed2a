package eu.selfdata.mobility.budget;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.testsupport.TestSeed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    @ParameterizedTest
    @ExtendWith(TestSeed.class)
    @MethodSource("usedMoreBudgetAndRate")
    void creditsAreNeverNegativeAndNeverGrowWithEmissions(long used, long more, long budget, int rate) {
        BudgetRule rule = new BudgetRule(MONDAY, budget, rate);
        WeekStatement less = CarbonBudget.statement(MONDAY, rule, used, true);
        WeekStatement moreUsed = CarbonBudget.statement(MONDAY, rule, used + more, true);
        assertThat(less.credits()).isNotNegative().isGreaterThanOrEqualTo(moreUsed.credits());
        assertThat(less.credits()).isLessThanOrEqualTo(budget * rate / 1000);
    }

    @ParameterizedTest
    @ExtendWith(TestSeed.class)
    @MethodSource("used")
    void anOpenWeekEarnsNothingYet(long used) {
        assertThat(CarbonBudget.statement(MONDAY, new BudgetRule(MONDAY, 20_000, 10), used, false)
                        .credits())
                .isZero();
    }

    /**
     * 1000 tries: grams used up to 100 kg, 50 kg more, budgets up to 100 kg, rates up to 1000 ‰;
     * every combination of zero, one and the largest values first, then random ones from this run's
     * seed ({@link TestSeed}).
     */
    static Stream<Arguments> usedMoreBudgetAndRate() {
        List<Arguments> cases = new ArrayList<>();
        for (long used : new long[] {0, 1, 100_000}) {
            for (long more : new long[] {0, 1, 50_000}) {
                for (long budget : new long[] {0, 1, 100_000}) {
                    for (int rate : new int[] {0, 1, 1_000}) {
                        cases.add(Arguments.of(used, more, budget, rate));
                    }
                }
            }
        }
        SplittableRandom random = TestSeed.random();
        while (cases.size() < 1000) {
            cases.add(Arguments.of(
                    random.nextLong(100_001),
                    random.nextLong(50_001),
                    random.nextLong(100_001),
                    random.nextInt(1_001)));
        }
        return cases.stream();
    }

    /** 1000 tries: zero, one, the budget and a gram either side of it, the largest, then random. */
    static LongStream used() {
        return LongStream.concat(
                LongStream.of(0, 1, 19_999, 20_000, 20_001, 100_000),
                TestSeed.random().longs(994, 0, 100_001));
    }
}
