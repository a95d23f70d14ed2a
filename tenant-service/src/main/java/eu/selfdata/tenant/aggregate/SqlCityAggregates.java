package eu.selfdata.tenant.aggregate;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.registry.CityPolicies;
import eu.selfdata.usecase.api.CityAggregates;
import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.IndicatorResult;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Runs a module's indicator query inside a filter only the core writes: rows of citizens without a
 * valid consent to the indicator's purpose, or whose account does not count as a person yet
 * (e-mail unverified, or younger than the city's minimum age), never reach the grouping; each
 * citizen's contribution to a group is clamped to the indicator's cap; groups with fewer eligible
 * participants than the city's k come out suppressed and the others noised ({@link CellRelease}).
 * Each participant's access log records the read. Modules read only what was published.
 */
@Component
class SqlCityAggregates implements CityAggregates {

    private static final String KEPT = """
            with observation as (%s),
                 kept as (select o.group_key, o.citizen_id, o.value from observation o
                           where o.citizen_id in (select citizen_id from consent
                                                   where purpose_id = :purpose and state = 'GIVEN'
                                                     and (expires_at is null or expires_at > now()))
                             and o.citizen_id in (select id from citizen
                                                   where email_verified and created_at <= :bornBefore))
            """;

    private final CityJdbc city;
    private final CityPolicies policies;
    private final IndicatorSnapshots snapshots;
    private final Clock clock;
    private final CellRelease release = new CellRelease(new SecureRandom());

    SqlCityAggregates(CityJdbc city, CityPolicies policies, IndicatorSnapshots snapshots, Clock clock) {
        this.city = city;
        this.policies = policies;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @Override
    public Optional<IndicatorResult> published(CityIndicator indicator) {
        return snapshots.published(indicator.id());
    }

    @Override
    public int minGroupSize() {
        return policies.minGroupSize(city.city());
    }

    /** Computes the indicator now under the city's policy; publishing it is the caller's ({@link CityIndicators}). */
    IndicatorResult compute(CityIndicator indicator, CityPolicies.IndicatorPolicy policy) {
        int k = policy.minGroupSize();
        // PostgreSQL keeps microseconds: the stored snapshot then reads back exactly as returned.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Timestamp bornBefore = Timestamp.from(now.minus(Duration.ofDays(policy.minAccountAgeDays())));
        String kept = KEPT.formatted(indicator.sql());
        return city.transactions().execute(status -> {
            city.jdbc()
                    .sql(kept + """
                            insert into access_log (citizen_id, accessor_kind, accessor_name, category_id, reason)
                            select distinct citizen_id, 'AGGREGATE_JOB', :job, :category, :reason from kept""")
                    .param("purpose", indicator.purposeId())
                    .param("bornBefore", bornBefore)
                    .param("job", "indicator " + indicator.id())
                    .param("category", indicator.categoryId())
                    .param(
                            "reason",
                            "City indicator '" + indicator.label().en() + "' under your consent to "
                                    + indicator.purposeId())
                    .update();
            List<IndicatorResult.Cell> cells = city.jdbc()
                    .sql(kept + """
                            , contribution as (
                                select group_key, citizen_id, least(greatest(coalesce(sum(value), 0), 0), :cap) as value
                                  from kept group by group_key, citizen_id)
                            select group_key, count(*) as participants, coalesce(sum(value), 0) as total
                              from contribution group by group_key order by group_key""")
                    .param("purpose", indicator.purposeId())
                    .param("bornBefore", bornBefore)
                    .param("cap", indicator.noise().contributionCap())
                    .query((rs, row) -> release.release(
                            indicator.measure(), indicator.noise(), k, rs.getString(1), rs.getInt(2), rs.getDouble(3)))
                    .list();
            return new IndicatorResult(indicator.id(), now, k, indicator.noise(), cells);
        });
    }
}
