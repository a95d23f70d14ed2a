package eu.selfdata.governance.oversight;

import eu.selfdata.contract.CitySlug;
import eu.selfdata.contract.ModuleId;
import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.oversight.domain.PanelRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pilots: started by a platform coordinator on the platform host; seen, joined and stopped by the
 * city's residents on the city's host.
 */
@RestController
class PilotController {

    private final Pilots pilots;

    PilotController(Pilots pilots) {
        this.pilots = pilots;
    }

    /** Absent: any verified account may join. */
    record NewPilot(
            @NotNull @Pattern(regexp = CitySlug.REGEX) String city,
            @NotNull @Pattern(regexp = ModuleId.REGEX) String module,
            @NotBlank @Size(max = 200) String title,
            @NotNull @Min(1) Integer stopVotesRequired,
            @Valid PanelRuleRequest panelRule) {

        PanelRule rule() {
            return panelRule == null
                    ? PanelRule.VERIFIED_ONLY
                    : new PanelRule(
                            Boolean.TRUE.equals(panelRule.accountBeforeStart()), panelRule.minimumAccountAgeDays());
        }
    }

    record PanelRuleRequest(
            Boolean accountBeforeStart,
            @Min(1) @Max(PanelRule.MAX_AGE_DAYS) Integer minimumAccountAgeDays) {}

    record ThresholdChange(Integer stopVotesRequired) {}

    @PostMapping("/governance/pilots")
    @ResponseStatus(HttpStatus.CREATED)
    Pilot start(Caller caller, @Valid @RequestBody NewPilot request, Locale locale) {
        return pilots.start(
                caller,
                request.city(),
                request.module(),
                request.title(),
                request.stopVotesRequired(),
                request.rule(),
                Pilots.mailLanguage(caller, locale));
    }

    @GetMapping("/governance/pilots")
    List<Pilot> list(Caller caller) {
        return pilots.list(caller);
    }

    @GetMapping("/governance/pilots/{id}")
    Pilot show(Caller caller, @PathVariable UUID id) {
        return pilots.visibleTo(caller, id);
    }

    @PatchMapping("/governance/pilots/{id}")
    Pilot changeThreshold(Caller caller, @PathVariable UUID id, @RequestBody ThresholdChange change) {
        caller.requireCoordinator();
        pilots.visibleTo(caller, id);
        throw pilots.thresholdIsFixed(id);
    }

    @PostMapping("/governance/pilots/{id}/panel")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void join(Caller caller, @PathVariable UUID id) {
        pilots.join(caller, id);
    }

    @PostMapping("/governance/pilots/{id}/stop-votes")
    Pilot voteStop(Caller caller, @PathVariable UUID id) {
        return pilots.voteStop(caller, id);
    }
}
