package eu.selfdata.tenant.aggregate;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.registry.CityPolicies;
import eu.selfdata.usecase.api.CityAggregates;
import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.IndicatorResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Runs a module's indicator query inside a filter only the core writes: rows of citizens without a
 * valid consent to the indicator's purpose never reach the grouping, and groups smaller than the
 * city's k come out suppressed. Each participant's access log records the read.
 */
@Component
class SqlCityAggregates implements CityAggregates {

    private static final String KEPT = """
            with observation as (%s),
                 kept as (select o.group_key, o.citizen_id, o.value from observation o
                           where o.citizen_id in (select citizen_id from consent
                                                   where purpose_id = :purpose and state = 'GIVEN'
                                                     and (expires_at is null or expires_at > now())))
            """;

    private final CityJdbc city;
    private final CityPolicies policies;
    private final Clock clock;

    SqlCityAggregates(CityJdbc city, CityPolicies policies, Clock clock) {
        this.city = city;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public IndicatorResult compute(CityIndicator indicator) {
        int k = policies.minGroupSize(city.city());
        // PostgreSQL keeps microseconds: the stored snapshot then reads back exactly as returned.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String kept = KEPT.formatted(indicator.sql());
        return city.transactions().execute(status -> {
            city.jdbc()
                    .sql(kept + """
                            insert into access_log (citizen_id, accessor_kind, accessor_name, category_id, reason)
                            select distinct citizen_id, 'AGGREGATE_JOB', :job, :category, :reason from kept""")
                    .param("purpose", indicator.purposeId())
                    .param("job", "indicator " + indicator.id())
                    .param("category", indicator.categoryId())
                    .param(
                            "reason",
                            "City indicator '" + indicator.label().en() + "' under your consent to "
                                    + indicator.purposeId())
                    .update();
            List<IndicatorResult.Cell> cells = city.jdbc()
                    .sql(kept + """
                            select group_key, count(distinct citizen_id) as participants, sum(value) as total
                              from kept group by group_key order by group_key""")
                    .param("purpose", indicator.purposeId())
                    .query((rs, row) ->
                            cell(indicator.measure(), k, rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)))
                    .list();
            return new IndicatorResult(indicator.id(), now, k, cells);
        });
    }

    static IndicatorResult.Cell cell(
            CityIndicator.Measure measure, int k, String group, int participants, BigDecimal total) {
        if (participants < k) {
            return new IndicatorResult.Cell(group, null, null, true);
        }
        double value = switch (measure) {
            case SUM -> total == null ? 0 : total.doubleValue();
            case MEAN_PER_PARTICIPANT -> total == null ? 0 : total.doubleValue() / participants;
            case PARTICIPANTS -> participants;
        };
        return new IndicatorResult.Cell(group, value, participants, false);
    }
}
