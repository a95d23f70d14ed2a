package eu.selfdata.tenant.portal;

import eu.selfdata.tenant.announcement.Announcements;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStatus;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.tenant.tenancy.TenantId;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Home page: a city's on its own host, the list of cities on the platform host. */
@Controller
class HomeController {

    private final TenantRegistry registry;
    private final Announcements announcements;

    HomeController(TenantRegistry registry, Announcements announcements) {
        this.registry = registry;
        this.announcements = announcements;
    }

    @GetMapping("/")
    String home(Model model) {
        Optional<TenantId> tenant = TenantContext.current();
        if (tenant.isEmpty()) {
            model.addAttribute(
                    "cities",
                    registry.list().stream()
                            .filter(city -> city.status() == TenantStatus.ACTIVE)
                            .toList());
            return "portal/platform";
        }
        model.addAttribute("announcements", announcements.latest());
        return "portal/home";
    }
}
