package eu.selfdata.governance.oversight;

import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.problem.GovernanceException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The pilots of the host city as an HTML fragment for the citizen portal's "pilots I can vote on"
 * page (tenant-service's {@code /my/pilots} loads it with htmx): each running pilot with its stop
 * threshold and count, and the citizen's next step (join the panel, vote to stop, already voted).
 * Joining and voting answer the same fragment, with what happened or why it was refused, so the page
 * swaps it in place; the rules are those of the JSON API ({@link Pilots}).
 */
@Controller
@RequestMapping("/governance/portal/pilots")
class PilotPanelFragment {

    private final Pilots pilots;

    PilotPanelFragment(Pilots pilots) {
        this.pilots = pilots;
    }

    @GetMapping
    String list(Caller caller, Model model) {
        caller.city();
        List<PilotRow> rows = pilots.list(caller).stream()
                .map(pilot -> new PilotRow(pilot, pilots.participation(caller, pilot.id())))
                .toList();
        model.addAttribute("pilots", rows);
        return "portal/pilots";
    }

    @PostMapping("/{id}/panel")
    String join(Caller caller, @PathVariable UUID id, Model model) {
        return act(caller, model, () -> pilots.join(caller, id), "pilots.joined");
    }

    @PostMapping("/{id}/stop-votes")
    String voteStop(Caller caller, @PathVariable UUID id, Model model) {
        return act(caller, model, () -> pilots.voteStop(caller, id), "pilots.voted");
    }

    private String act(Caller caller, Model model, Runnable action, String done) {
        try {
            action.run();
            model.addAttribute("message", done);
        } catch (GovernanceException e) {
            model.addAttribute(
                    "error",
                    switch (e.type()) {
                        case ALREADY_DONE -> "pilots.alreadyVoted";
                        case STATE_CONFLICT -> "pilots.notRunning";
                        case FORBIDDEN -> "pilots.notAllowed";
                        case EMAIL_NOT_VERIFIED -> "pilots.notVerified";
                        case PANEL_RULE_NOT_MET -> "pilots.ruleNotMet";
                        default -> "pilots.unknown";
                    });
        }
        return list(caller, model);
    }

    record PilotRow(Pilot pilot, Pilots.Participation participation) {

        public boolean running() {
            return "RUNNING".equals(pilot.status());
        }
    }
}
