package eu.selfdata.tenant.aggregate;

import eu.selfdata.usecase.api.IndicatorResult;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** City agents' view of their citizens: indicators of the enabled modules, aggregated and suppressed. */
@RestController
@RequestMapping("/api/city/indicators")
class IndicatorController {

    private final CityIndicators indicators;

    IndicatorController(CityIndicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping
    List<IndicatorView> list() {
        return indicators.list();
    }

    @GetMapping("/{moduleId}/{indicatorId}")
    IndicatorResult latest(@PathVariable String moduleId, @PathVariable String indicatorId) {
        return indicators.latest(moduleId, indicatorId);
    }

    @PostMapping("/{moduleId}/{indicatorId}/computations")
    IndicatorResult compute(@PathVariable String moduleId, @PathVariable String indicatorId) {
        return indicators.compute(moduleId, indicatorId);
    }
}
