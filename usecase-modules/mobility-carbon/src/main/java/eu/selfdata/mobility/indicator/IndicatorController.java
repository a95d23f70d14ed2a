package eu.selfdata.mobility.indicator;

import eu.selfdata.mobility.web.CityStaff;
import eu.selfdata.mobility.web.Problems;
import eu.selfdata.usecase.api.CityAggregates;
import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.IndicatorResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** City indicators for the city's admins and agents, computed by the platform over consenting citizens. */
@RestController
@RequestMapping("/api/mobility-carbon/indicators")
public class IndicatorController {

    private final CityAggregates aggregates;

    public IndicatorController(CityAggregates aggregates) {
        this.aggregates = aggregates;
    }

    @GetMapping
    List<CityIndicator> list() {
        CityStaff.requireAdminOrAgent();
        return MobilityIndicators.all();
    }

    @GetMapping("/{id}")
    IndicatorResult compute(@PathVariable String id) {
        CityStaff.requireAdminOrAgent();
        CityIndicator indicator = MobilityIndicators.all().stream().filter(candidate -> candidate.id().equals(id)).findFirst()
                .orElseThrow(() -> Problems.notFound("No mobility indicator " + id));
        return aggregates.compute(indicator);
    }
}
