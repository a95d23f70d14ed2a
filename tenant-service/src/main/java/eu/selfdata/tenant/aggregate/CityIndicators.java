package eu.selfdata.tenant.aggregate;

import eu.selfdata.tenant.modules.ModuleCatalogue;
import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.usecase.api.CityAggregates;
import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.IndicatorResult;
import eu.selfdata.usecase.api.UseCaseModule;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The indicators of the current city's enabled modules: listed, computed over consenting citizens
 * (suppressed below k) and kept as snapshots. The city API and the admin's dashboards both use it.
 */
@Service
class CityIndicators {

    private final ModuleCatalogue modules;
    private final CityAggregates aggregates;
    private final IndicatorSnapshots snapshots;

    CityIndicators(ModuleCatalogue modules, CityAggregates aggregates, IndicatorSnapshots snapshots) {
        this.modules = modules;
        this.aggregates = aggregates;
        this.snapshots = snapshots;
    }

    List<IndicatorView> list() {
        return modules.enabledHere().stream()
                .flatMap(module -> module.cityIndicators().stream()
                        .map(indicator -> new IndicatorView(
                                module.id(),
                                indicator.id(),
                                indicator.label(),
                                indicator.unit(),
                                indicator.purposeId(),
                                snapshots
                                        .latest(module.id(), indicator.id())
                                        .map(IndicatorResult::computedAt)
                                        .orElse(null))))
                .toList();
    }

    /** The last computation; 404 {@code not-found} before the first. */
    IndicatorResult latest(String moduleId, String indicatorId) {
        indicator(moduleId, indicatorId);
        return snapshots
                .latest(moduleId, indicatorId)
                .orElseThrow(
                        () -> new ProblemException(ProblemType.NOT_FOUND, "Not computed yet: POST .../computations"));
    }

    IndicatorResult compute(String moduleId, String indicatorId) {
        IndicatorResult result = aggregates.compute(indicator(moduleId, indicatorId));
        snapshots.save(moduleId, result);
        return result;
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
