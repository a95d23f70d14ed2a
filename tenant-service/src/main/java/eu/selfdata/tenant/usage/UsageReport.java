package eu.selfdata.tenant.usage;

import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStatus;
import eu.selfdata.tenant.tenancy.DatabaseClusters;
import eu.selfdata.tenant.tenancy.TenantId;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Usage per served city over a period of UTC days (both ends included), for cost sharing. */
@Component
class UsageReport {

    private static final Set<TenantStatus> SERVED = Set.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED);

    private final TenantRegistry registry;
    private final ApiCallMeter meter;
    private final DatabaseClusters clusters;

    UsageReport(TenantRegistry registry, ApiCallMeter meter, DatabaseClusters clusters) {
        this.registry = registry;
        this.meter = meter;
        this.clusters = clusters;
    }

    /** The city's schema is on its own cluster, not necessarily the registry's. */
    private JdbcClient jdbc(TenantId tenant) {
        return JdbcClient.create(clusters.poolOf(tenant));
    }

    List<CityUsage> between(LocalDate from, LocalDate to) {
        meter.flush();
        return registry.slugsWithStatus(SERVED).stream()
                .map(TenantId::of)
                .map(tenant -> new CityUsage(
                        tenant.slug(),
                        activeCitizens(tenant, from, to),
                        storedBytes(tenant),
                        meter.calls(tenant, from, to)))
                .toList();
    }

    private long storedBytes(TenantId tenant) {
        return jdbc(tenant)
                .sql("""
                        select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c
                          join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = ? and c.relkind in ('r', 'm')""")
                .param(tenant.schemaName())
                .query(Long.class)
                .single();
    }

    /**
     * Verified citizens (rule 11: an unverified account is not a person) whose {@code last_seen_at} (refreshed
     * at most every few minutes) falls in the period.
     */
    private long activeCitizens(TenantId tenant, LocalDate from, LocalDate to) {
        return jdbc(tenant)
                .sql("select count(distinct id) from " + tenant.quotedSchema()
                        + ".citizen where email_verified and last_seen_at >= ? and last_seen_at < ?")
                .params(
                        Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
                        Timestamp.from(
                                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query(Long.class)
                .single();
    }
}
