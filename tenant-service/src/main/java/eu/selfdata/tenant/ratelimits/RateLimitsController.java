package eu.selfdata.tenant.ratelimits;

import eu.selfdata.contract.RateLimits;
import eu.selfdata.tenant.identity.CityIdentity;
import eu.selfdata.tenant.registry.CityRateLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinator API: a city's rate limits. The gateway picks them up from the tenant directory; the registration
 * limit also goes to the city's portal client in the identity server, whose registration form enforces it.
 */
@RestController
class RateLimitsController {

    private final CityRateLimits limits;
    private final ObjectProvider<CityIdentity> identity;

    RateLimitsController(CityRateLimits limits, ObjectProvider<CityIdentity> identity) {
        this.limits = limits;
        this.identity = identity;
    }

    record Change(
            @NotNull @Min(1) @Max(RateLimits.MAX) Integer apiPerAddressPerMinute,
            @NotNull @Min(1) @Max(RateLimits.MAX) Integer apiPerAccountPerMinute,
            @NotNull @Min(1) @Max(RateLimits.MAX) Integer signInsPerAddressPerMinute,
            @NotNull @Min(1) @Max(RateLimits.MAX) Integer registrationsPerAddressPerHour,
            @NotNull @Min(1) @Max(RateLimits.MAX) Integer uploadsPerAccountPerHour) {}

    @GetMapping("/platform/tenants/{slug}/rate-limits")
    RateLimits show(@PathVariable String slug) {
        return limits.of(slug);
    }

    @PutMapping("/platform/tenants/{slug}/rate-limits")
    RateLimits change(@PathVariable String slug, @Valid @RequestBody Change change) {
        RateLimits set = limits.set(
                slug,
                new RateLimits(
                        change.apiPerAddressPerMinute(),
                        change.apiPerAccountPerMinute(),
                        change.signInsPerAddressPerMinute(),
                        change.registrationsPerAddressPerHour(),
                        change.uploadsPerAccountPerHour()));
        identity.ifAvailable(keycloak -> keycloak.setRegistrationLimit(slug, set.registrationsPerAddressPerHour()));
        return set;
    }
}
