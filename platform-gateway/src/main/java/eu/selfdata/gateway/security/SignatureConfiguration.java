package eu.selfdata.gateway.security;

import eu.selfdata.contract.GatewaySignature;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway signs, with the platform contract's one implementation, what the services verify. */
@Configuration(proxyBeanMethods = false)
class SignatureConfiguration {

    @Bean
    GatewaySignature gatewaySignature(GatewaySecurityProperties properties) {
        return new GatewaySignature(properties.secret(), Clock.systemUTC());
    }
}
