package eu.selfdata.tenant.identity;

import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStateConflictException;
import eu.selfdata.tenant.registry.TenantStatus;
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

    /** Issues a new temporary password for the city's first admin; answered once, never stored. */
    @PostMapping("/platform/tenants/{slug}/admin-credentials")
    ResponseEntity<AdminCredentials> issue(@PathVariable String slug) {
        Tenant tenant = registry.get(slug);
        if (tenant.status() != TenantStatus.ACTIVE && tenant.status() != TenantStatus.SUSPENDED) {
            throw new TenantStateConflictException("City '" + slug + "' is " + tenant.status());
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(identity.issueTemporaryPassword(tenant));
    }
}
