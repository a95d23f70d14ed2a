package eu.selfdata.gateway.tenancy;

import eu.selfdata.contract.RateLimits;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One immutable copy of the tenant directory, indexed for per-request lookups without I/O. */
record DirectorySnapshot(String version, String etag, Map<String, Tenant> bySlug, Map<String, Tenant> byDomain) {

    private static final Logger log = LoggerFactory.getLogger(DirectorySnapshot.class);

    /** The JSON body of {@code GET /internal/tenant-directory}. */
    record Body(String version, List<Entry> tenants) {}

    /** @param rateLimits the city's, or null from a tenant-service that does not send them (then the defaults) */
    record Entry(String slug, String status, List<String> customDomains, RateLimits rateLimits) {}

    static DirectorySnapshot of(Body body, String etag) {
        Map<String, Tenant> bySlug = new HashMap<>();
        Map<String, Tenant> byDomain = new HashMap<>();
        for (Entry entry : body.tenants() == null ? List.<Entry>of() : body.tenants()) {
            Optional<TenantStatus> status = parse(entry.status());
            if (entry.slug() == null || status.isEmpty()) {
                // an entry this gateway does not understand is not served rather than guessed at
                log.warn("Ignoring tenant directory entry {} with status {}", entry.slug(), entry.status());
                continue;
            }
            Tenant tenant = new Tenant(
                    entry.slug(), status.get(), entry.rateLimits() == null ? RateLimits.DEFAULTS : entry.rateLimits());
            bySlug.put(tenant.slug(), tenant);
            if (entry.customDomains() != null) {
                entry.customDomains().forEach(domain -> byDomain.put(HostTenantResolver.normalise(domain), tenant));
            }
        }
        return new DirectorySnapshot(body.version(), etag, Map.copyOf(bySlug), Map.copyOf(byDomain));
    }

    Optional<Tenant> find(RequestedHost host) {
        return switch (host) {
            case RequestedHost.Subdomain subdomain -> Optional.ofNullable(bySlug.get(subdomain.slug()));
            case RequestedHost.CustomDomain custom -> Optional.ofNullable(byDomain.get(custom.domain()));
            case RequestedHost.Platform platform -> Optional.empty();
            case RequestedHost.Unservable unservable -> Optional.empty();
        };
    }

    private static Optional<TenantStatus> parse(String status) {
        try {
            return Optional.of(TenantStatus.valueOf(status));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
