package eu.selfdata.tenant.aggregate;

import eu.selfdata.tenant.modules.ModuleCatalogue;
import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.usecase.api.CityAggregates;
import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.IndicatorResult;
import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.UseCaseModule;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** City agents' view of their citizens: indicators of the enabled modules, aggregated and suppressed. */
@RestController
@RequestMapping("/api/city/indicators")
class IndicatorController {

    private final ModuleCatalogue modules;
    private final CityAggregates aggregates;
    private final IndicatorSnapshots snapshots;

    IndicatorController(ModuleCatalogue modules, CityAggregates aggregates, IndicatorSnapshots snapshots) {
        this.modules = modules;
        this.aggregates = aggregates;
        this.snapshots = snapshots;
    }

    @GetMapping
    List<IndicatorView> list() {
        return modules.enabledHere().stream()
                .flatMap(module -> module.cityIndicators().stream().map(indicator -> new IndicatorView(module.id(), indicator.id(),
                        indicator.label(), indicator.unit(), indicator.purposeId(),
                        snapshots.latest(module.id(), indicator.id()).map(IndicatorResult::computedAt).orElse(null))))
                .toList();
    }

    @GetMapping("/{moduleId}/{indicatorId}")
    IndicatorResult latest(@PathVariable String moduleId, @PathVariable String indicatorId) {
        indicator(moduleId, indicatorId);
        return snapshots.latest(moduleId, indicatorId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Not computed yet: POST .../computations"));
    }

    @PostMapping("/{moduleId}/{indicatorId}/computations")
    IndicatorResult compute(@PathVariable String moduleId, @PathVariable String indicatorId) {
        IndicatorResult result = aggregates.compute(indicator(moduleId, indicatorId));
        snapshots.save(moduleId, result);
        return result;
    }

    private CityIndicator indicator(String moduleId, String indicatorId) {
        UseCaseModule module = modules.enabledHere().stream().filter(candidate -> candidate.id().equals(moduleId)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.MODULE_NOT_ENABLED, "This city has not enabled '" + moduleId + "'"));
        return module.cityIndicators().stream().filter(candidate -> candidate.id().equals(indicatorId)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No indicator '" + indicatorId + "' in " + moduleId));
    }

    record IndicatorView(String module, String id, LocalizedText label, LocalizedText unit, String purpose,
                         java.time.Instant lastComputedAt) {
    }
}
