package eu.selfdata.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class MissingSecretTest {

    @Test
    void gatewayRefusesToStartWithoutTheSigningSecret() {
        SpringApplicationBuilder gateway =
                new SpringApplicationBuilder(GatewayApplication.class).properties("server.port=0");

        assertThatThrownBy(gateway::run).hasStackTraceContaining("selfdata.gateway.secret");
    }
}
