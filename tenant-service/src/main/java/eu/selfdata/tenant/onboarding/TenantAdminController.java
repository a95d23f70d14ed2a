package eu.selfdata.tenant.onboarding;

import eu.selfdata.tenant.registry.NewTenant;
import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStateConflictException;
import eu.selfdata.tenant.registry.TenantStatus;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** The lead coordinator's API for cities: onboard, list, show, suspend, resume, retry. */
@RestController
@RequestMapping("/platform/tenants")
class TenantAdminController {

    private final OnboardingSaga saga;
    private final TenantRegistry registry;
    private final ServedTenants servedTenants;

    TenantAdminController(OnboardingSaga saga, TenantRegistry registry, ServedTenants servedTenants) {
        this.saga = saga;
        this.registry = registry;
        this.servedTenants = servedTenants;
    }

    /** 202: the saga runs in the background; follow its steps at the Location. */
    @PostMapping
    ResponseEntity<TenantView> onboard(@Valid @RequestBody NewTenant request) {
        Tenant tenant = saga.onboard(request);
        return ResponseEntity.accepted().location(URI.create("/platform/tenants/" + tenant.slug())).body(view(tenant));
    }

    @GetMapping
    List<Tenant> list() {
        return registry.list();
    }

    @GetMapping("/{slug}")
    TenantView show(@PathVariable String slug) {
        return view(registry.get(slug));
    }

    @PostMapping("/{slug}/suspend")
    TenantView suspend(@PathVariable String slug) {
        return transition(slug, TenantStatus.ACTIVE, TenantStatus.SUSPENDED, "SUSPENDED");
    }

    @PostMapping("/{slug}/resume")
    TenantView resume(@PathVariable String slug) {
        return transition(slug, TenantStatus.SUSPENDED, TenantStatus.ACTIVE, "RESUMED");
    }

    @PostMapping("/{slug}/onboarding/retry")
    ResponseEntity<TenantView> retry(@PathVariable String slug) {
        registry.get(slug);
        saga.retry(slug);
        return ResponseEntity.accepted().body(view(registry.get(slug)));
    }

    private TenantView transition(String slug, TenantStatus from, TenantStatus to, String event) {
        Tenant tenant = registry.get(slug);
        if (!registry.transition(slug, Set.of(from), to, event)) {
            throw new TenantStateConflictException("City '" + slug + "' is " + tenant.status() + ", not " + from);
        }
        servedTenants.evict(slug);
        return view(registry.get(slug));
    }

    private TenantView view(Tenant tenant) {
        return new TenantView(tenant, saga.progress(tenant.slug()), registry.events(tenant.slug()));
    }
}
