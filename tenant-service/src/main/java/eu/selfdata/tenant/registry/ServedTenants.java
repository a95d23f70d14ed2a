package eu.selfdata.tenant.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registry lookups for incoming requests, cached briefly so that a request does not cost a registry
 * query; a status change made on this instance is seen at once, on other replicas within the TTL.
 */
@Component
public class ServedTenants {

    private final TenantRegistry registry;
    private final Cache<String, Optional<Tenant>> cache;

    ServedTenants(TenantRegistry registry, @Value("${selfdata.tenants.cache-ttl:2s}") Duration ttl) {
        this.registry = registry;
        this.cache =
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    public Optional<Tenant> find(String slug) {
        return cache.get(slug, registry::find);
    }

    public void evict(String slug) {
        cache.invalidate(slug);
    }
}
