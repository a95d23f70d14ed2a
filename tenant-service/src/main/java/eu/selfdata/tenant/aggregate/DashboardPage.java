package eu.selfdata.tenant.aggregate;

import eu.selfdata.usecase.api.IndicatorResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The city admin's dashboards: the latest computation of each indicator of the city's enabled
 * modules as a chart and a table; a group under k is shown as suppressed, never as 0. "Compute now"
 * runs the same computation as {@code POST /api/city/indicators/{module}/{indicator}/computations}.
 */
@Controller
@RequestMapping("/admin/dashboards")
class DashboardPage {

    private final CityIndicators indicators;
    private final IndicatorSnapshots snapshots;
    private final JsonMapper json;

    DashboardPage(CityIndicators indicators, IndicatorSnapshots snapshots, JsonMapper json) {
        this.indicators = indicators;
        this.snapshots = snapshots;
        this.json = json;
    }

    @GetMapping
    String page(Model model, Locale locale) {
        String language = locale.getLanguage();
        model.addAttribute(
                "dashboards",
                indicators.list().stream()
                        .map(indicator -> dashboard(indicator, language))
                        .toList());
        return "admin/dashboards";
    }

    @PostMapping("/computations")
    String computeNow() {
        indicators.list().forEach(indicator -> indicators.compute(indicator.module(), indicator.id()));
        return "redirect:/admin/dashboards?computed";
    }

    private Dashboard dashboard(IndicatorView indicator, String language) {
        IndicatorResult result =
                snapshots.latest(indicator.module(), indicator.id()).orElse(null);
        return new Dashboard(
                indicator.module(),
                indicator.id(),
                indicator.label().in(language),
                indicator.unit().in(language),
                result,
                result == null ? null : chart(indicator.unit().in(language), result));
    }

    /** What the page's script draws: suppressed groups carry no value (no bar), never a 0. */
    private String chart(String unit, IndicatorResult result) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unit", unit);
        data.put(
                "labels",
                result.cells().stream().map(IndicatorResult.Cell::group).toList());
        data.put(
                "values",
                result.cells().stream().map(IndicatorResult.Cell::value).toList());
        data.put(
                "suppressed",
                result.cells().stream().map(IndicatorResult.Cell::suppressed).toList());
        return json.writeValueAsString(data);
    }

    /** One indicator on the page; {@code result} null until computed once. */
    record Dashboard(String module, String id, String label, String unit, IndicatorResult result, String chart) {

        public String anchor() {
            return module + "-" + id;
        }

        public long suppressedGroups() {
            return result == null
                    ? 0
                    : result.cells().stream()
                            .filter(IndicatorResult.Cell::suppressed)
                            .count();
        }

        public List<IndicatorResult.Cell> cells() {
            return result == null ? List.of() : result.cells();
        }
    }
}
