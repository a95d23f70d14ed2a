package eu.selfdata.connectors.outbound;

import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.outbound.OutboundAllowList;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The outbound guard and its HTTP client in a host running connectors; the host provides the
 * coordinator's allow-list ({@link OutboundAllowList}).
 */
@AutoConfiguration
@EnableConfigurationProperties(OutboundSettings.class)
@ConditionalOnBean(CityDatabase.class)
public class OutboundAutoConfiguration {

    @Bean
    OutboundGuard outboundGuard(OutboundSettings settings, OutboundAllowList allowList) {
        return new OutboundGuard(settings, allowList, HostResolver.SYSTEM);
    }

    @Bean
    OutboundHttp outboundHttp(OutboundGuard guard) {
        return new OutboundHttp(guard);
    }
}
