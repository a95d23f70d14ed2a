package eu.selfdata.tenant.onboarding;

import eu.selfdata.tenant.registry.NewTenant;
import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStateConflictException;
import eu.selfdata.tenant.registry.TenantStatus;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What the coordinator does to cities, for the API ({@code /platform/tenants}) and the console alike:
 * onboard (the saga runs in the background), show with the saga's steps and history, suspend, resume,
 * retry a failed onboarding.
 */
@Service
class CityLifecycle {

    private final OnboardingSaga saga;
    private final TenantRegistry registry;
    private final ServedTenants servedTenants;

    CityLifecycle(OnboardingSaga saga, TenantRegistry registry, ServedTenants servedTenants) {
        this.saga = saga;
        this.registry = registry;
        this.servedTenants = servedTenants;
    }

    TenantView onboard(NewTenant request) {
        return view(saga.onboard(request));
    }

    List<Tenant> list() {
        return registry.list();
    }

    TenantView show(String slug) {
        return view(registry.get(slug));
    }

    TenantView suspend(String slug) {
        return transition(slug, TenantStatus.ACTIVE, TenantStatus.SUSPENDED, "SUSPENDED");
    }

    TenantView resume(String slug) {
        return transition(slug, TenantStatus.SUSPENDED, TenantStatus.ACTIVE, "RESUMED");
    }

    TenantView retryOnboarding(String slug) {
        registry.get(slug);
        saga.retry(slug);
        return view(registry.get(slug));
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
