package eu.selfdata.gateway.routing;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code selfdata.routes.*}: where the services behind the gateway listen. */
@Validated
@ConfigurationProperties("selfdata.routes")
record RoutesProperties(
        @NotNull URI tenantServiceUri, @NotNull URI governanceUri) {}
