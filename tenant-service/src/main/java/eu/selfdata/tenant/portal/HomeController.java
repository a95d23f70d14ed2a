package eu.selfdata.tenant.portal;

import eu.selfdata.tenant.announcement.Announcements;
import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStatus;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.tenant.tenancy.TenantId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Optional;

/** Home page: a city's on its own host, the list of cities on the platform host. */
@Controller
class HomeController {

    private final ServedTenants servedTenants;
    private final TenantRegistry registry;
    private final Announcements announcements;

    HomeController(ServedTenants servedTenants, TenantRegistry registry, Announcements announcements) {
        this.servedTenants = servedTenants;
        this.registry = registry;
        this.announcements = announcements;
    }

    @GetMapping("/")
    String home(Model model, @AuthenticationPrincipal Jwt user) {
        // Signed in through the gateway, which relays the session's token; shown to say who is signed in.
        model.addAttribute("userName", user == null ? null
                : Optional.ofNullable(user.getClaimAsString("given_name")).orElse(user.getClaimAsString("preferred_username")));
        Optional<TenantId> tenant = TenantContext.current();
        if (tenant.isEmpty()) {
            model.addAttribute("cities", registry.list().stream().filter(city -> city.status() == TenantStatus.ACTIVE).toList());
            return "portal/platform";
        }
        model.addAttribute("city", servedTenants.find(tenant.get().slug()).orElseThrow());
        model.addAttribute("announcements", announcements.latest());
        return "portal/home";
    }
}
