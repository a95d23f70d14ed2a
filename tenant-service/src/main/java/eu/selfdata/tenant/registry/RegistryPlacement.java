package eu.selfdata.tenant.registry;

import eu.selfdata.tenant.tenancy.CityPlacement;
import eu.selfdata.tenant.tenancy.ClusterName;
import eu.selfdata.tenant.tenancy.TenantId;
import org.springframework.stereotype.Component;

/**
 * A city's cluster from the registry, through the cache the door reads: the cluster and the "moving"
 * flag come from one registry read, so a replica that serves the city again after a move also routes
 * it to its new cluster. A city not (yet) in the cache is read directly: an unknown host cached a
 * moment before the city was onboarded must not send its first schema to {@code main}.
 */
@Component
class RegistryPlacement implements CityPlacement {

    private final ServedTenants servedTenants;
    private final TenantRegistry registry;

    RegistryPlacement(ServedTenants servedTenants, TenantRegistry registry) {
        this.servedTenants = servedTenants;
        this.registry = registry;
    }

    @Override
    public ClusterName clusterOf(TenantId city) {
        return servedTenants
                .find(city.slug())
                .or(() -> registry.find(city.slug()))
                .map(Tenant::clusterName)
                .orElse(ClusterName.MAIN);
    }
}
