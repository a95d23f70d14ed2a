package eu.selfdata.tenant.aggregate;

import eu.selfdata.tenant.problem.RetryLaterException;
import eu.selfdata.tenant.registry.CityPolicies;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.usecase.api.IndicatorResult;
import eu.selfdata.usecase.api.NoiseBudget;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The city admin's dashboards: the latest publication of each indicator of the city's enabled
 * modules as a chart and a table; a group under k is shown as suppressed, never as 0. The page also
 * says how the figures are protected (ε and cap per indicator, the schedule, which accounts count)
 * and sets the schedule. "Compute now" publishes the indicators whose period has passed, as
 * {@code POST /api/city/indicators/{module}/{indicator}/computations} does one by one.
 */
@Controller
@RequestMapping("/admin/dashboards")
class DashboardPage {

    private final CityIndicators indicators;
    private final IndicatorSnapshots snapshots;
    private final CityPolicies policies;
    private final JsonMapper json;

    DashboardPage(CityIndicators indicators, IndicatorSnapshots snapshots, CityPolicies policies, JsonMapper json) {
        this.indicators = indicators;
        this.snapshots = snapshots;
        this.policies = policies;
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
        model.addAttribute(
                "policy", policies.indicatorPolicy(TenantContext.require().slug()));
        model.addAttribute("periodMin", CityPolicies.MIN_PERIOD_DAYS);
        model.addAttribute("periodMax", CityPolicies.MAX_PERIOD_DAYS);
        model.addAttribute("ageMin", CityPolicies.MIN_ACCOUNT_AGE_FLOOR_DAYS);
        model.addAttribute("ageMax", CityPolicies.MAX_ACCOUNT_AGE_DAYS);
        return "admin/dashboards";
    }

    /** Publishes what is due; an indicator published less than a period ago keeps its figures. */
    @PostMapping("/computations")
    String computeNow() {
        int computed = 0;
        int waiting = 0;
        for (IndicatorView indicator : indicators.list()) {
            try {
                indicators.compute(indicator.module(), indicator.id());
                computed++;
            } catch (RetryLaterException notDue) {
                waiting++;
            }
        }
        return "redirect:/admin/dashboards?computed=" + computed + "&waiting=" + waiting;
    }

    @PostMapping("/schedule")
    String schedule(
            @RequestParam int periodDays,
            @RequestParam int minAccountAgeDays,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        try {
            policies.setIndicatorSchedule(TenantContext.require().slug(), periodDays, minAccountAgeDays);
        } catch (IllegalArgumentException outOfBounds) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("scheduleError", true);
            return page(model, locale);
        }
        return "redirect:/admin/dashboards?scheduled";
    }

    private Dashboard dashboard(IndicatorView indicator, String language) {
        IndicatorResult result =
                snapshots.latest(indicator.module(), indicator.id()).orElse(null);
        return new Dashboard(
                indicator.module(),
                indicator.id(),
                indicator.label().in(language),
                indicator.unit().in(language),
                indicator.noise(),
                indicator.nextComputationAt(),
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

    /** One indicator on the page; {@code result} and {@code nextComputationAt} null until computed once. */
    record Dashboard(
            String module,
            String id,
            String label,
            String unit,
            NoiseBudget noise,
            Instant nextComputationAt,
            IndicatorResult result,
            String chart) {

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
