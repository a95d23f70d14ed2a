package eu.selfdata.tenant.onboarding;

import eu.selfdata.tenant.registry.NewTenant;
import eu.selfdata.tenant.registry.Tenant;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The lead coordinator's API for cities: onboard, list, show, suspend, resume, retry. */
@RestController
@RequestMapping("/platform/tenants")
class TenantAdminController {

    private final CityLifecycle cities;

    TenantAdminController(CityLifecycle cities) {
        this.cities = cities;
    }

    /** 202: the saga runs in the background; follow its steps at the Location. */
    @PostMapping
    ResponseEntity<TenantView> onboard(@Valid @RequestBody NewTenant request) {
        TenantView view = cities.onboard(request);
        return ResponseEntity.accepted()
                .location(URI.create("/platform/tenants/" + view.tenant().slug()))
                .body(view);
    }

    @GetMapping
    List<Tenant> list() {
        return cities.list();
    }

    @GetMapping("/{slug}")
    TenantView show(@PathVariable String slug) {
        return cities.show(slug);
    }

    @PostMapping("/{slug}/suspend")
    TenantView suspend(@PathVariable String slug) {
        return cities.suspend(slug);
    }

    @PostMapping("/{slug}/resume")
    TenantView resume(@PathVariable String slug) {
        return cities.resume(slug);
    }

    @PostMapping("/{slug}/onboarding/retry")
    ResponseEntity<TenantView> retry(@PathVariable String slug) {
        return ResponseEntity.accepted().body(cities.retryOnboarding(slug));
    }
}
