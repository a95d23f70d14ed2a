package eu.selfdata.tenant.registry;

import eu.selfdata.usecase.api.CityDirectory;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The registry's active cities and their modules, read at each call: what the connectors run for. */
@Component
class ActiveCities implements CityDirectory {

    private final TenantRegistry registry;

    ActiveCities(TenantRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Map<String, Set<String>> activeCitiesWithModules() {
        return registry.modulesOf(Set.of(TenantStatus.ACTIVE));
    }
}
