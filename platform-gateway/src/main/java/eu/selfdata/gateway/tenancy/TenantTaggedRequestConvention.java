package eu.selfdata.gateway.tenancy;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Tags every HTTP server metric with the city served: its slug, "platform" for the coordinator host,
 * "none" when no city was admitted (refused hosts are never echoed, so the tag stays bounded).
 */
@Component
class TenantTaggedRequestConvention extends DefaultServerRequestObservationConvention {

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Object served = context.getAttributes().get(ServedHost.ATTRIBUTE);
        String tenant = switch (served) {
            case ServedHost.City city -> city.slug();
            case ServedHost.Platform platform -> "platform";
            case null, default -> "none";
        };
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of("tenant", tenant));
    }
}
