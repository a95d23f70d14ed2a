package eu.selfdata.governance.decisions;

import eu.selfdata.governance.access.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The coordinator console's motions view (platform host, platform coordinators): every motion and its recorded result. */
@Controller
class MotionsConsolePage {

    private final Motions motions;

    MotionsConsolePage(Motions motions) {
        this.motions = motions;
    }

    @GetMapping("/governance/console/motions")
    String motions(Caller caller, Model model) {
        caller.requirePlatformHost();
        caller.requireCoordinator();
        model.addAttribute("section", "motions");
        model.addAttribute("motions", motions.list(caller));
        return "console/motions";
    }
}
