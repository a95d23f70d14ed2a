package eu.selfdata.tenant.outbound;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordinator's allow-list of extra hosts for a city's connectors (role platform-coordinator,
 * as all of {@code /platform/**}).
 */
@RestController
class OutboundHostsController {

    private final OutboundHostLists lists;

    OutboundHostsController(OutboundHostLists lists) {
        this.lists = lists;
    }

    @GetMapping("/platform/tenants/{slug}/outbound-hosts")
    OutboundHosts list(@PathVariable String slug) {
        return new OutboundHosts(lists.list(slug));
    }

    /** Replaces the whole list: {@code {"hosts": ["sftp.operator.example", "10.8.0.5:2222"]}}. */
    @PutMapping("/platform/tenants/{slug}/outbound-hosts")
    OutboundHosts replace(@PathVariable String slug, @RequestBody HostList body, Authentication coordinator) {
        String name = Optional.of(coordinator)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(JwtAuthenticationToken.class::cast)
                .map(token -> token.getToken().getClaimAsString("preferred_username"))
                .orElse(coordinator.getName());
        return new OutboundHosts(lists.replace(slug, body.hosts(), name));
    }

    record HostList(List<String> hosts) {}

    record OutboundHosts(List<OutboundHostLists.Entry> hosts) {}
}
