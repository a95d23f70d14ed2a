package eu.selfdata.tenant.connectors;

import eu.selfdata.connectors.CityScope;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.tenant.tenancy.TenantId;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/** Connector work for a city runs in that city's tenant context, as a request of that city would. */
@Component
class TenantCityScope implements CityScope {

    @Override
    public <T> T call(String city, Supplier<T> work) {
        return TenantContext.call(TenantId.of(city), work::get);
    }
}
