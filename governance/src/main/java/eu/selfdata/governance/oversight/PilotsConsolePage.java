package eu.selfdata.governance.oversight;

import eu.selfdata.contract.ModuleId;
import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.consortium.Partner;
import eu.selfdata.governance.consortium.Partners;
import eu.selfdata.governance.oversight.domain.PanelRule;
import eu.selfdata.governance.problem.GovernanceException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinator console's pilots view (platform host, platform coordinators): every pilot with its
 * panel and stop votes, and a form to start one (same rules as {@code POST /governance/pilots}).
 */
@Controller
class PilotsConsolePage {

    private final Pilots pilots;
    private final Partners partners;

    PilotsConsolePage(Pilots pilots, Partners partners) {
        this.pilots = pilots;
        this.partners = partners;
    }

    @GetMapping("/governance/console/pilots")
    String pilots(Caller caller, Model model) {
        caller.requirePlatformHost();
        caller.requireCoordinator();
        model.addAttribute("section", "pilots");
        model.addAttribute("pilots", pilots.list(caller));
        model.addAttribute(
                "cities", partners.members().stream().filter(Partner::isCity).toList());
        return "console/pilots";
    }

    @PostMapping("/governance/console/pilots")
    String start(
            Caller caller,
            @RequestParam String city,
            @RequestParam String module,
            @RequestParam String title,
            @RequestParam int stopVotesRequired,
            @RequestParam(defaultValue = "false") boolean accountBeforeStart,
            @RequestParam(required = false) Integer minimumAccountAgeDays,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        try {
            if (!ModuleId.isValid(module)
                    || title.isBlank()
                    || title.length() > 200
                    || stopVotesRequired < 1
                    || (minimumAccountAgeDays != null
                            && (minimumAccountAgeDays < 1 || minimumAccountAgeDays > PanelRule.MAX_AGE_DAYS))) {
                throw GovernanceException.invalid(
                        "A pilot needs a module id, a title of at most 200 characters, at least 1 stop vote"
                                + " and, when given, a minimum account age of 1 to " + PanelRule.MAX_AGE_DAYS
                                + " days");
            }
            pilots.start(
                    caller,
                    city,
                    module,
                    title.strip(),
                    stopVotesRequired,
                    new PanelRule(accountBeforeStart, minimumAccountAgeDays),
                    Pilots.mailLanguage(caller, locale));
            return "redirect:/governance/console/pilots";
        } catch (GovernanceException e) {
            response.setStatus(e.type().detail(e.getMessage()).getStatus());
            model.addAttribute("error", e.getMessage());
            return pilots(caller, model);
        }
    }
}
