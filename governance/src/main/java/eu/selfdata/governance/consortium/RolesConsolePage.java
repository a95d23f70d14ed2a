package eu.selfdata.governance.consortium;

import eu.selfdata.governance.access.Caller;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The coordinator console's roles view (platform host, platform coordinators): each consortium role
 * with the partners holding it now, the partners and their membership, the project's status.
 */
@Controller
class RolesConsolePage {

    private final Roles roles;
    private final Partners partners;

    RolesConsolePage(Roles roles, Partners partners) {
        this.roles = roles;
        this.partners = partners;
    }

    @GetMapping("/governance/console")
    String home(Caller caller) {
        requireConsole(caller);
        return "redirect:/governance/console/roles";
    }

    @GetMapping("/governance/console/roles")
    String roles(Caller caller, Model model) {
        requireConsole(caller);
        List<Partner> all = partners.all();
        Map<UUID, String> names = all.stream().collect(Collectors.toMap(Partner::id, Partner::name));
        Map<ConsortiumRole, List<String>> holders = roles.current().stream()
                .collect(Collectors.groupingBy(
                        RoleAssignment::role,
                        Collectors.mapping(
                                assignment -> names.getOrDefault(
                                        assignment.partnerId(),
                                        assignment.partnerId().toString()),
                                Collectors.toList())));
        model.addAttribute("section", "roles");
        model.addAttribute("projectStatus", roles.projectStatus());
        model.addAttribute(
                "roles",
                Arrays.stream(ConsortiumRole.values())
                        .map(role -> new RoleHolders(
                                role,
                                holders.getOrDefault(role, List.of()).stream()
                                        .sorted()
                                        .toList()))
                        .toList());
        model.addAttribute("partners", all);
        return "console/roles";
    }

    /** The console's views are the platform coordinators', on the platform host. */
    static void requireConsole(Caller caller) {
        caller.requirePlatformHost();
        caller.requireCoordinator();
    }

    record RoleHolders(ConsortiumRole role, List<String> holders) {}
}
