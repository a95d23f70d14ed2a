package eu.selfdata.gateway;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a fixed port in front of the real Keycloak ({@link TestKeycloak}); skipped when no
 * Keycloak is configured. Each test class gets its own gateway, port and realm redirect URIs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class RunningKeycloakGatewayTest {

    @AutoClose
    static KeycloakGateway gateway;

    @BeforeAll
    static void keycloak() {
        gateway = KeycloakGateway.start(TestKeycloak.shared());
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        gateway.register(registry);
    }
}
