package eu.selfdata.gateway.tenancy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code selfdata.base-domain}: cities answer on {@code {slug}.{base-domain}}, the bare domain is the
 * platform host. {@code selfdata.directory.refresh-interval}: how often the tenant directory is polled
 * from tenant-service at {@code selfdata.routes.tenant-service-uri}.
 */
@Validated
@ConfigurationProperties("selfdata")
record TenancyProperties(
        @NotBlank String baseDomain,
        @Valid @NotNull Directory directory,
        @Valid @NotNull Routes routes) {

    record Directory(@NotNull Duration refreshInterval) {}

    record Routes(@NotNull URI tenantServiceUri) {}
}
