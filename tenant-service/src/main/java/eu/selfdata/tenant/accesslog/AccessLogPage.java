package eu.selfdata.tenant.accesslog;

import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal page "who read my data". */
@Controller
class AccessLogPage {

    private static final int SHOWN = 200;

    private final JdbcAccessLog log;
    private final CurrentCitizen citizen;

    AccessLogPage(JdbcAccessLog log, CurrentCitizen citizen) {
        this.log = log;
        this.citizen = citizen;
    }

    @GetMapping("/my/access-log")
    String page(Model model) {
        model.addAttribute("entries", log.entries(citizen.require(), SHOWN));
        return "portal/access-log";
    }
}
