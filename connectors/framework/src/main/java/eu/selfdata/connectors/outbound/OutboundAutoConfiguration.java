package eu.selfdata.connectors.outbound;

import eu.selfdata.usecase.api.CityDatabase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/** The outbound guard, its HTTP client and the coordinator's allow-list, in a host running connectors. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(OutboundSettings.class)
@ConditionalOnBean(CityDatabase.class)
public class OutboundAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboundAllowList outboundAllowList(DataSource dataSource) {
        return new RegistryOutboundAllowList(dataSource);
    }

    @Bean
    OutboundGuard outboundGuard(OutboundSettings settings, OutboundAllowList allowList) {
        return new OutboundGuard(settings, allowList, HostResolver.SYSTEM);
    }

    @Bean
    OutboundHttp outboundHttp(OutboundGuard guard) {
        return new OutboundHttp(guard);
    }
}
