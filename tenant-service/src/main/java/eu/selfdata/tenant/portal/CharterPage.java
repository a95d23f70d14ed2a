package eu.selfdata.tenant.portal;

import eu.selfdata.tenant.registry.CityPolicies;
import eu.selfdata.tenant.tenancy.TenantContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The city's data charter, public: the version it signed and the rules the platform enforces for it. */
@Controller
class CharterPage {

    private final CityPolicies policies;

    CharterPage(CityPolicies policies) {
        this.policies = policies;
    }

    @GetMapping("/charter")
    String page(Model model) {
        String slug = TenantContext.require().slug();
        model.addAttribute("charterVersion", policies.charterVersion(slug).orElse(null));
        model.addAttribute("minGroupSize", policies.minGroupSize(slug));
        return "portal/charter";
    }
}
