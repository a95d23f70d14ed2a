package eu.selfdata.tenant.retention;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.usecase.api.AccessLog;
import eu.selfdata.usecase.api.Accessor;
import eu.selfdata.usecase.api.RetentionRule;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Purges the city in context: each rule present there with the city's period, in its own transaction (one rule
 * failing leaves the others done). A purge that removed something is counted in the city's purge log
 * ({@code retention_purge}) and told, in the same transaction, to each citizen whose data went (access log).
 */
@Component
class Retention {

    static final Accessor RETENTION = new Accessor(Accessor.Kind.PLATFORM, "Retention (automatic purge)");
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final RetentionRules rules;
    private final RetentionSettings settings;
    private final CityJdbc city;
    private final AccessLog accessLog;

    Retention(RetentionRules rules, RetentionSettings settings, CityJdbc city, AccessLog accessLog) {
        this.rules = rules;
        this.settings = settings;
        this.city = city;
        this.accessLog = accessLog;
    }

    /** @return records removed per rule (rules that failed are left out and logged) */
    Map<String, Long> purgeHere(Instant now) {
        Map<String, Long> removed = new LinkedHashMap<>();
        for (RetentionRule rule : rules.presentHere()) {
            try {
                removed.put(rule.id(), city.transactions().execute(status -> purge(rule, now)));
            } catch (RuntimeException e) {
                log.warn("Retention {} of {} failed: {}", rule.id(), city.city(), e.getMessage(), e);
            }
        }
        return removed;
    }

    private long purge(RetentionRule rule, Instant now) {
        int days = settings.daysFor(rule);
        Instant cutoff = now.minus(Duration.ofDays(days));
        RetentionRule.Purged purged = rule.purge().run(now, cutoff);
        if (purged.records() == 0) {
            return 0;
        }
        city.jdbc()
                .sql("""
                        insert into retention_purge (rule_id, category_id, ran_at, cutoff, records, citizens)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        rule.id(),
                        rule.categoryId(),
                        Timestamp.from(now),
                        Timestamp.from(cutoff),
                        purged.records(),
                        purged.perCitizen().size())
                .update();
        String reason = "%s: %%d record(s) older than %d days deleted".formatted(rule.id(), days);
        purged.perCitizen()
                .forEach((citizen, count) ->
                        accessLog.record(citizen, RETENTION, rule.categoryId(), reason.formatted(count)));
        return purged.records();
    }
}
