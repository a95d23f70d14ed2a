package eu.selfdata.tenant.aggregate;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.modules.ModuleCatalogue;
import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.problem.RetryLaterException;
import eu.selfdata.tenant.registry.CityPolicies;
import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.IndicatorResult;
import eu.selfdata.usecase.api.UseCaseModule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The indicators of the current city's enabled modules: listed, computed over consenting citizens
 * and published as snapshots, at most once per period of the city's ({@link CityPolicies}), whether
 * the schedule or a "compute now" asks. Each publication spends the indicator's privacy budget and
 * gives differencing a new sample; the period bounds both. The check and the publication run in one
 * transaction under an advisory lock per city and indicator, so that replicas and concurrent requests
 * publish once. The city API, the admin's dashboards and the schedule all go through here.
 */
@Service
class CityIndicators {

    private final ModuleCatalogue modules;
    private final SqlCityAggregates aggregates;
    private final IndicatorSnapshots snapshots;
    private final CityPolicies policies;
    private final CityJdbc city;
    private final Clock clock;

    CityIndicators(
            ModuleCatalogue modules,
            SqlCityAggregates aggregates,
            IndicatorSnapshots snapshots,
            CityPolicies policies,
            CityJdbc city,
            Clock clock) {
        this.modules = modules;
        this.aggregates = aggregates;
        this.snapshots = snapshots;
        this.policies = policies;
        this.city = city;
        this.clock = clock;
    }

    List<IndicatorView> list() {
        CityPolicies.IndicatorPolicy policy = policies.indicatorPolicy(city.city());
        return modules.enabledHere().stream()
                .flatMap(module -> module.cityIndicators().stream().map(indicator -> {
                    Instant last = snapshots
                            .latest(module.id(), indicator.id())
                            .map(IndicatorResult::computedAt)
                            .orElse(null);
                    return new IndicatorView(
                            module.id(),
                            indicator.id(),
                            indicator.label(),
                            indicator.unit(),
                            indicator.purposeId(),
                            indicator.noise(),
                            last,
                            last == null ? null : last.plus(policy.period()));
                }))
                .toList();
    }

    /** The last publication; 404 {@code not-found} before the first. */
    IndicatorResult latest(String moduleId, String indicatorId) {
        indicator(moduleId, indicatorId);
        return snapshots
                .latest(moduleId, indicatorId)
                .orElseThrow(
                        () -> new ProblemException(ProblemType.NOT_FOUND, "Not computed yet: POST .../computations"));
    }

    /** "Compute now": 429 {@code indicator-computed-this-period} when it was published less than a period ago. */
    IndicatorResult compute(String moduleId, String indicatorId) {
        CityIndicator indicator = indicator(moduleId, indicatorId);
        CityPolicies.IndicatorPolicy policy = policies.indicatorPolicy(city.city());
        return publishIfDue(moduleId, indicator, policy).orElseThrow(() -> {
            Instant next = nextComputation(moduleId, indicatorId, policy).orElseThrow();
            return new RetryLaterException(
                    ProblemType.INDICATOR_COMPUTED_THIS_PERIOD,
                    "'" + indicatorId + "' was published less than " + policy.periodDays()
                            + " day(s) ago; the next computation is at " + next,
                    next);
        });
    }

    /** The schedule's run for the current city: publishes every indicator whose period has passed. */
    int publishDue() {
        CityPolicies.IndicatorPolicy policy = policies.indicatorPolicy(city.city());
        int published = 0;
        for (UseCaseModule module : modules.enabledHere()) {
            for (CityIndicator indicator : module.cityIndicators()) {
                published += publishIfDue(module.id(), indicator, policy).isPresent() ? 1 : 0;
            }
        }
        return published;
    }

    /**
     * The policy is read before the transaction: inside it every query goes through the connection the
     * transaction holds, so that requests waiting for the lock never need a second one from the pool.
     */
    private Optional<IndicatorResult> publishIfDue(
            String moduleId, CityIndicator indicator, CityPolicies.IndicatorPolicy policy) {
        String lock = "indicator:" + city.city() + ":" + moduleId + ":" + indicator.id();
        return city.transactions().execute(status -> {
            city.jdbc()
                    .sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                    .param(lock)
                    .query((rs, row) -> 1)
                    .single();
            if (nextComputation(moduleId, indicator.id(), policy)
                    .filter(clock.instant()::isBefore)
                    .isPresent()) {
                return Optional.<IndicatorResult>empty();
            }
            IndicatorResult result = aggregates.compute(indicator, policy);
            snapshots.save(moduleId, result);
            return Optional.of(result);
        });
    }

    private Optional<Instant> nextComputation(
            String moduleId, String indicatorId, CityPolicies.IndicatorPolicy policy) {
        return snapshots
                .latest(moduleId, indicatorId)
                .map(last -> last.computedAt().plus(policy.period()));
    }

    private CityIndicator indicator(String moduleId, String indicatorId) {
        UseCaseModule module = modules.enabledHere().stream()
                .filter(candidate -> candidate.id().equals(moduleId))
                .findFirst()
                .orElseThrow(() -> new ProblemException(
                        ProblemType.MODULE_NOT_ENABLED, "This city has not enabled '" + moduleId + "'"));
        return module.cityIndicators().stream()
                .filter(candidate -> candidate.id().equals(indicatorId))
                .findFirst()
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND, "No indicator '" + indicatorId + "' in " + moduleId));
    }
}
