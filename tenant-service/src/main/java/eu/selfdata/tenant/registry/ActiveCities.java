package eu.selfdata.tenant.registry;

import eu.selfdata.usecase.api.CityDirectory;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The registry's active cities and their modules, read at each call: what the connectors run for. A city
 * moving between clusters is left out, so its connectors stop writing to the schema being copied.
 */
@Component
class ActiveCities implements CityDirectory {

    private final TenantRegistry registry;

    ActiveCities(TenantRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Map<String, Set<String>> activeCitiesWithModules() {
        Map<String, Set<String>> active = new HashMap<>(registry.modulesOf(Set.of(TenantStatus.ACTIVE)));
        active.keySet().removeAll(registry.moving());
        return Map.copyOf(active);
    }
}
