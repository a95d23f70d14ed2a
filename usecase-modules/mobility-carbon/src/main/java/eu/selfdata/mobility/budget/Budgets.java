package eu.selfdata.mobility.budget;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;

/** The city's budget rules and each citizen's weeks, from their legs' CO2e (corrections included). */
public class Budgets {

    private final CityDatabase database;
    private final Clock clock;

    public Budgets(CityDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public BudgetView of(CitizenId citizen) {
        ZoneId zone = zone();
        TreeMap<LocalDate, Long> used = new TreeMap<>();
        database.jdbc()
                .sql("""
                        select date_trunc('week', started_at at time zone :zone)::date, sum(coalesce(co2e_g, 0))
                        from mobility_leg where citizen_id = :citizen group by 1""")
                .param("zone", zone.getId())
                .param("citizen", citizen.value())
                .query((rs, row) -> used.put(rs.getDate(1).toLocalDate(), rs.getLong(2)))
                .list();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<WeekStatement> weeks = CarbonBudget.statements(rules(), used, today);
        BudgetRule current = CarbonBudget.ruleOn(rules(), CarbonBudget.weekOf(today));
        return new BudgetView(current, CarbonBudget.totalCredits(weeks), weeks.reversed());
    }

    /** The city's time zone: weeks start on its Mondays. */
    public ZoneId zone() {
        return ZoneId.of(database.jdbc()
                .sql("select time_zone from mobility_settings")
                .query(String.class)
                .single());
    }

    public List<BudgetRule> rules() {
        return database.jdbc()
                .sql(
                        "select effective_from, weekly_budget_g, credits_per_kg_unused from mobility_budget_rule order by effective_from")
                .query((rs, row) -> new BudgetRule(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getInt(3)))
                .list();
    }

    /** Sets the rule from a week on (replacing one that starts the same week). */
    public void set(BudgetRule rule) {
        database.jdbc()
                .sql("""
                        insert into mobility_budget_rule (effective_from, weekly_budget_g, credits_per_kg_unused) values (:from, :budget, :rate)
                        on conflict (effective_from) do update set weekly_budget_g = excluded.weekly_budget_g, credits_per_kg_unused = excluded.credits_per_kg_unused""")
                .param("from", java.sql.Date.valueOf(rule.effectiveFrom()))
                .param("budget", rule.weeklyBudgetG())
                .param("rate", rule.creditsPerKgUnused())
                .update();
    }

    /** A citizen's budget: the rule of this week, credits earned so far, weeks newest first. */
    public record BudgetView(BudgetRule currentRule, long totalCredits, List<WeekStatement> weeks) {}
}
