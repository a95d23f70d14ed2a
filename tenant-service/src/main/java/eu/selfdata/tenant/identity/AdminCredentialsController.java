package eu.selfdata.tenant.identity;

import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import jakarta.ws.rs.WebApplicationException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnProperty("selfdata.keycloak.url")
class AdminCredentialsController {

    private final CityIdentity identity;
    private final TenantRegistry registry;

    AdminCredentialsController(CityIdentity identity, TenantRegistry registry) {
        this.identity = identity;
        this.registry = registry;
    }

    /**
     * Mails the city's first admin the invitation again (a link to choose a password). 502 when the identity
     * server could not send it: the temporary password below is then the way in.
     */
    @PostMapping("/platform/tenants/{slug}/admin-invitation")
    ResponseEntity<Void> invite(@PathVariable String slug) {
        Tenant tenant = registry.onboarded(slug);
        try {
            identity.inviteFirstAdmin(tenant);
        } catch (WebApplicationException e) {
            throw new ProblemException(
                    ProblemType.MAIL_NOT_SENT,
                    "The identity server could not send the invitation ("
                            + e.getResponse().getStatus() + "); issue a temporary password instead");
        }
        return ResponseEntity.accepted().build();
    }

    /** Issues a new temporary password for the city's first admin; answered once, never stored. */
    @PostMapping("/platform/tenants/{slug}/admin-credentials")
    ResponseEntity<AdminCredentials> issue(@PathVariable String slug) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(identity.issueTemporaryPassword(registry.onboarded(slug)));
    }
}
