package eu.selfdata.governance.consortium;

import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.problem.GovernanceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partners, roles and the project's status. Any partner's representative (a city's admins on their
 * city's host, where their token names the city) or coordinator reads; platform coordinators change
 * membership and roles on the platform host; the lead is handed over by the current lead (or a
 * coordinator).
 */
@RestController
class ConsortiumController {

    private final Partners partners;
    private final Consortium consortium;
    private final Roles roles;
    private final CityPartnerSync sync;

    ConsortiumController(Partners partners, Consortium consortium, Roles roles, CityPartnerSync sync) {
        this.partners = partners;
        this.consortium = consortium;
        this.roles = roles;
        this.sync = sync;
    }

    record NewPartner(
            @NotNull PartnerKind kind,
            @NotBlank @Size(max = 200) String name) {}

    record Representative(@NotBlank @Size(max = 255) String subject) {}

    record Holder(@NotNull UUID partnerId) {}

    @GetMapping("/governance/partners")
    List<Partner> partners(Caller caller) {
        requireConsortiumInsider(caller);
        return partners.all();
    }

    @PostMapping("/governance/partners")
    @ResponseStatus(HttpStatus.CREATED)
    Partner join(Caller caller, @Valid @RequestBody NewPartner request) {
        platformCoordinator(caller);
        return consortium.join(caller.subject(), request.kind(), request.name());
    }

    @PostMapping("/governance/partners/sync")
    List<Partner> sync(Caller caller) {
        platformCoordinator(caller);
        sync.sync();
        return partners.all();
    }

    @PostMapping("/governance/partners/{id}/representatives")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void represent(Caller caller, @PathVariable UUID id, @Valid @RequestBody Representative request) {
        platformCoordinator(caller);
        consortium.addRepresentative(caller.subject(), id, request.subject());
    }

    @PostMapping("/governance/partners/{id}/leave")
    Partner leave(Caller caller, @PathVariable UUID id) {
        platformCoordinator(caller);
        return consortium.leave(caller.subject(), id);
    }

    @GetMapping("/governance/roles")
    Map<String, List<RoleAssignment>> roles(Caller caller) {
        requireConsortiumInsider(caller);
        return Map.of("current", roles.current(), "history", roles.history());
    }

    @PostMapping("/governance/roles/{role}/holders")
    @ResponseStatus(HttpStatus.CREATED)
    RoleAssignment assign(Caller caller, @PathVariable ConsortiumRole role, @Valid @RequestBody Holder request) {
        platformCoordinator(caller);
        return roles.assign(caller.subject(), role, request.partnerId());
    }

    @DeleteMapping("/governance/roles/{role}/holders/{partnerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(Caller caller, @PathVariable ConsortiumRole role, @PathVariable UUID partnerId) {
        platformCoordinator(caller);
        roles.release(caller.subject(), role, partnerId);
    }

    @PostMapping("/governance/roles/lead-coordinator/transfer")
    RoleAssignment transfer(Caller caller, @Valid @RequestBody Holder request) {
        return roles.transferLead(caller, request.partnerId());
    }

    @GetMapping("/governance/project")
    Map<String, String> project(Caller caller) {
        requireConsortiumInsider(caller);
        return Map.of("status", roles.projectStatus());
    }

    @PostMapping("/governance/project/go-live")
    Map<String, String> goLive(Caller caller) {
        platformCoordinator(caller);
        return Map.of("status", roles.goLive(caller.subject()));
    }

    private void requireConsortiumInsider(Caller caller) {
        if (!caller.coordinator() && partners.representedBy(caller).isEmpty()) {
            throw GovernanceException.forbidden("Only partners' representatives and coordinators see the consortium");
        }
    }

    private static void platformCoordinator(Caller caller) {
        caller.requirePlatformHost();
        caller.requireCoordinator();
    }
}
