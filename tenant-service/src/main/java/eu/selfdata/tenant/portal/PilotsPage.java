package eu.selfdata.tenant.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Pilots I can vote on": the portal's page in the city's layout; the pilots, their panels and votes
 * belong to governance, which renders the list as an HTML fragment that htmx loads into the page
 * (same host, through the gateway, with the citizen's session).
 */
@Controller
class PilotsPage {

    @GetMapping("/my/pilots")
    String page() {
        return "portal/pilots";
    }
}
