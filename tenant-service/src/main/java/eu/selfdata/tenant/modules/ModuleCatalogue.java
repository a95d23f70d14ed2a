package eu.selfdata.tenant.modules;

import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.usecase.api.UseCaseModule;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The use-case modules this service found on its classpath, and which of them a city enabled. */
@Component
public class ModuleCatalogue {

    private final List<UseCaseModule> modules;
    private final ServedTenants tenants;

    ModuleCatalogue(List<UseCaseModule> modules, ServedTenants tenants) {
        this.modules = List.copyOf(modules);
        this.tenants = tenants;
    }

    /** Every module, enabled or not: a module switched off keeps the citizens' rows it stored. */
    public List<UseCaseModule> all() {
        return modules;
    }

    public Optional<UseCaseModule> find(String id) {
        return modules.stream().filter(module -> module.id().equals(id)).findFirst();
    }

    /** Modules enabled by the city in context. */
    public List<UseCaseModule> enabledHere() {
        Set<String> enabled = tenants.find(TenantContext.require().slug()).map(Tenant::enabledModules).orElse(Set.of());
        return modules.stream().filter(module -> enabled.contains(module.id())).toList();
    }

    public boolean isEnabledHere(String id) {
        return enabledHere().stream().anyMatch(module -> module.id().equals(id));
    }
}
