package eu.selfdata.tenant.aggregate;

import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.registry.CityPolicies;
import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.tenancy.TenantContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The city's privacy settings: k, the smallest group its aggregates show, how often indicators are
 * published and how old an account must be to count (a field left out keeps its value). Individual
 * data is never served to the city; {@code /api/city/citizens/**} says so explicitly.
 */
@RestController
class PrivacyController {

    private final CityPolicies policies;
    private final ServedTenants tenants;

    PrivacyController(CityPolicies policies, ServedTenants tenants) {
        this.policies = policies;
        this.tenants = tenants;
    }

    @GetMapping("/api/city/privacy")
    Privacy privacy() {
        CityPolicies.IndicatorPolicy policy =
                policies.indicatorPolicy(TenantContext.require().slug());
        return new Privacy(policy.minGroupSize(), policy.periodDays(), policy.minAccountAgeDays());
    }

    @PutMapping("/api/city/privacy")
    Privacy update(@Valid @RequestBody Privacy privacy) {
        String slug = TenantContext.require().slug();
        CityPolicies.IndicatorPolicy current = policies.indicatorPolicy(slug);
        policies.setMinGroupSize(slug, privacy.minGroupSize());
        policies.setIndicatorSchedule(
                slug,
                Objects.requireNonNullElse(privacy.indicatorPeriodDays(), current.periodDays()),
                Objects.requireNonNullElse(privacy.minAccountAgeDays(), current.minAccountAgeDays()));
        tenants.evict(slug);
        return privacy();
    }

    @GetMapping("/api/city/citizens/**")
    void individualData() {
        throw new ProblemException(
                ProblemType.INDIVIDUAL_DATA_REFUSED,
                "City staff see aggregates over consenting citizens, never an individual's data");
    }

    record Privacy(
            @NotNull @Min(value = CityPolicies.MIN_GROUP_SIZE_FLOOR, message = "must be at least 5")
            Integer minGroupSize,

            @Min(CityPolicies.MIN_PERIOD_DAYS) @Max(CityPolicies.MAX_PERIOD_DAYS)
            Integer indicatorPeriodDays,

            @Min(CityPolicies.MIN_ACCOUNT_AGE_FLOOR_DAYS) @Max(CityPolicies.MAX_ACCOUNT_AGE_DAYS)
            Integer minAccountAgeDays) {}
}
