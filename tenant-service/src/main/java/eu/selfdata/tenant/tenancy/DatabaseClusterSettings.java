package eu.selfdata.tenant.tenancy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The clusters besides {@code main} (the service's {@code spring.datasource}), keyed by name:
 * {@code selfdata.database.clusters.east.url}, {@code .username}, {@code .password},
 * {@code .maximum-pool-size} (10). None configured: every city lives on {@code main}.
 */
@Validated
@ConfigurationProperties("selfdata.database")
public record DatabaseClusterSettings(Map<String, Cluster> clusters) {

    public DatabaseClusterSettings {
        clusters = clusters == null ? Map.of() : Map.copyOf(clusters);
        clusters.keySet().forEach(ClusterName::new);
        if (clusters.containsKey(ClusterName.MAIN.value())) {
            throw new IllegalArgumentException(
                    "selfdata.database.clusters.main: 'main' is spring.datasource, configure it there");
        }
    }

    public record Cluster(
            @NotBlank String url,
            String username,
            String password,
            @Positive Integer maximumPoolSize) {

        public Cluster {
            maximumPoolSize = maximumPoolSize == null ? 10 : maximumPoolSize;
        }
    }
}
