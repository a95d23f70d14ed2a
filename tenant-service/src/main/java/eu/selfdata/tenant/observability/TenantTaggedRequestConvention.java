package eu.selfdata.tenant.observability;

import eu.selfdata.contract.PlatformHeaders;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/** Tags every HTTP server metric with the city it served ("platform" for the coordinator host). */
@Component
class TenantTaggedRequestConvention extends DefaultServerRequestObservationConvention {

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        // The header is only trusted once the tenant filter admitted the request; rejected ones are tagged by status
        // anyway.
        String tenant = context.getCarrier().getHeader(PlatformHeaders.TENANT_ID);
        return super.getLowCardinalityKeyValues(context)
                .and(KeyValue.of("tenant", tenant == null ? "platform" : tenant));
    }
}
