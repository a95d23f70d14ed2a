package eu.selfdata.tenant.tenancy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * One connection pool per PostgreSQL cluster, never one per city (rule 4 across clusters): {@code main}
 * is the service's DataSource, which also holds the platform schema; each other configured cluster gets
 * one Hikari pool, started on its first use so that a cluster down at start-up costs only its cities.
 * Each pool is seen through a {@link SearchPathPool}, which keeps track of its connections' paths.
 */
@Component
@EnableConfigurationProperties(DatabaseClusterSettings.class)
public class DatabaseClusters implements DisposableBean {

    private final Map<ClusterName, SearchPathPool> pools = new LinkedHashMap<>();
    private final ObjectProvider<CityPlacement> placement;

    DatabaseClusters(DataSource main, DatabaseClusterSettings settings, ObjectProvider<CityPlacement> placement) {
        this.placement = placement;
        pools.put(ClusterName.MAIN, main instanceof SearchPathPool known ? known : new SearchPathPool(main));
        settings.clusters()
                .forEach((name, cluster) -> pools.put(new ClusterName(name), new SearchPathPool(pool(name, cluster))));
    }

    private static HikariDataSource pool(String name, DatabaseClusterSettings.Cluster cluster) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("cluster-" + name);
        pool.setJdbcUrl(cluster.url());
        pool.setUsername(cluster.username());
        pool.setPassword(cluster.password());
        pool.setMaximumPoolSize(cluster.maximumPoolSize());
        return pool;
    }

    public Set<ClusterName> names() {
        return Set.copyOf(pools.keySet());
    }

    public boolean contains(ClusterName name) {
        return pools.containsKey(name);
    }

    /**
     * The cluster's pool, whose connections have the default path; a name no longer configured fails
     * loudly rather than fall back to another cluster.
     */
    public DataSource pool(ClusterName name) {
        return lending(name);
    }

    /** The same, for {@link SchemaConnections} to lend connections pointing at a schema. */
    SearchPathPool lending(ClusterName name) {
        SearchPathPool pool = pools.get(name);
        if (pool == null) {
            throw new IllegalStateException("No database cluster '" + name + "' is configured here");
        }
        return pool;
    }

    /** The pool of the cluster that holds this city's schema. */
    public DataSource poolOf(TenantId city) {
        return pool(clusterOf(city));
    }

    public ClusterName clusterOf(TenantId city) {
        return placement.getObject().clusterOf(city);
    }

    @Override
    public void destroy() {
        pools.entrySet().stream()
                .filter(pool -> !pool.getKey().equals(ClusterName.MAIN))
                .map(pool -> pool.getValue().getTargetDataSource())
                .filter(HikariDataSource.class::isInstance)
                .forEach(pool -> ((HikariDataSource) pool).close());
    }
}
