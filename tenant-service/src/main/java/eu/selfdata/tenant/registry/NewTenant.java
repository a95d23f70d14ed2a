package eu.selfdata.tenant.registry;

import eu.selfdata.tenant.tenancy.ClusterName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/**
 * What the coordinator sends to onboard a city. The slug is checked by TenantId, not here; the cluster
 * (absent: {@code main}) must also be one this deployment configures, checked by onboarding.
 */
public record NewTenant(
        @NotNull String slug,
        @NotBlank @Size(max = 120) String displayName,
        @PositiveOrZero @Max(100_000_000) int population,

        @Size(max = 20)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$",
                                message = "must be a lowercase domain name")
                        String>
                customDomains,

        @NotNull @Valid Branding branding,
        @Size(max = 20) Set<@NotNull String> enabledModules,
        @Email @Size(max = 254) String adminEmail,

        @Pattern(regexp = ClusterName.PATTERN, message = "must be a cluster name")
        String cluster) {

    public NewTenant {
        customDomains = customDomains == null ? List.of() : List.copyOf(customDomains);
        enabledModules = enabledModules == null ? Set.of() : Set.copyOf(enabledModules);
        cluster = cluster == null ? ClusterName.MAIN.value() : cluster;
    }

    public ClusterName clusterName() {
        return new ClusterName(cluster);
    }
}
