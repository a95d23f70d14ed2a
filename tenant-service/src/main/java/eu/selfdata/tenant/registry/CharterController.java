package eu.selfdata.tenant.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The version of the data charter a city signed (recorded by the governance service); consent
 * receipts issued from then on cite it.
 */
@RestController
class CharterController {

    private final CityPolicies policies;
    private final TenantRegistry registry;

    CharterController(CityPolicies policies, TenantRegistry registry) {
        this.policies = policies;
        this.registry = registry;
    }

    @GetMapping("/platform/tenants/{slug}/charter")
    SignedCharter signed(@PathVariable String slug) {
        return new SignedCharter(policies.charterVersion(slug).orElse(null));
    }

    @PutMapping("/platform/tenants/{slug}/charter")
    SignedCharter sign(@PathVariable String slug, @Valid @RequestBody SignedCharter charter) {
        policies.setCharterVersion(slug, charter.version());
        registry.recordEvent(slug, "CHARTER_SIGNED", charter.version());
        return signed(slug);
    }

    record SignedCharter(
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{1,40}$")
            String version) {}
}
