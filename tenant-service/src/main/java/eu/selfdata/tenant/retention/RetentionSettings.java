package eu.selfdata.tenant.retention;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.usecase.api.RetentionRule;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The city's retention periods: each rule's default, or the shorter period its admin chose. Never longer than
 * the module's maximum, even if a later module version lowers it below a stored choice.
 */
@Component
class RetentionSettings {

    private final RetentionRules rules;
    private final CityJdbc city;
    private final Clock clock;

    RetentionSettings(RetentionRules rules, CityJdbc city, Clock clock) {
        this.rules = rules;
        this.city = city;
        this.clock = clock;
    }

    int daysFor(RetentionRule rule) {
        return city.jdbc()
                .sql("select days from retention_setting where rule_id = ?")
                .param(rule.id())
                .query(Integer.class)
                .optional()
                .map(days -> Math.min(days, rule.maximumDays()))
                .orElse(rule.defaultDays());
    }

    List<RetentionView> here(String language) {
        return rules.presentHere().stream().map(rule -> view(rule, language)).toList();
    }

    /** The city's purge log, latest first. */
    List<RetentionView.Purge> purges(int limit) {
        return city.jdbc()
                .sql("""
                        select rule_id, category_id, ran_at, cutoff, records, citizens from retention_purge
                         order by ran_at desc, id desc limit ?""")
                .param(limit)
                .query((rs, row) -> new RetentionView.Purge(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(),
                        rs.getLong(5),
                        rs.getInt(6)))
                .list();
    }

    /** Sets a rule's period in the city in context. */
    RetentionView set(String ruleId, int days, String language) {
        RetentionRule rule = rules.presentHere(ruleId)
                .orElseThrow(() ->
                        new ProblemException(ProblemType.NOT_FOUND, "No retention rule '" + ruleId + "' in this city"));
        if (days > rule.maximumDays()) {
            throw new ProblemException(
                    ProblemType.RETENTION_TOO_LONG,
                    "'" + rule.id() + "' may be kept at most " + rule.maximumDays() + " days");
        }
        if (days < rule.minimumDays()) {
            throw new ProblemException(
                    ProblemType.INVALID_REQUEST,
                    "'" + rule.id() + "' is kept at least " + rule.minimumDays() + " day(s)");
        }
        city.jdbc()
                .sql("""
                        insert into retention_setting (rule_id, days, updated_at) values (?, ?, ?)
                        on conflict (rule_id) do update set days = excluded.days, updated_at = excluded.updated_at""")
                .params(rule.id(), days, Timestamp.from(clock.instant()))
                .update();
        return view(rule, language);
    }

    private RetentionView view(RetentionRule rule, String language) {
        RetentionView.LastPurge last = city.jdbc()
                .sql("""
                        select ran_at, cutoff, records, citizens from retention_purge
                         where rule_id = ? order by ran_at desc, id desc limit 1""")
                .param(rule.id())
                .query((rs, row) -> new RetentionView.LastPurge(
                        rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getInt(4)))
                .optional()
                .orElse(null);
        return new RetentionView(
                rule.id(),
                rule.categoryId(),
                rule.purges().in(language),
                daysFor(rule),
                rule.defaultDays(),
                rule.minimumDays(),
                rule.maximumDays(),
                last);
    }
}
