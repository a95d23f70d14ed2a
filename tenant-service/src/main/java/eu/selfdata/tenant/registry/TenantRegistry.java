package eu.selfdata.tenant.registry;

import eu.selfdata.tenant.tenancy.ClusterName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenant registry in the platform schema. Plain JDBC on its own transaction manager: platform
 * rows are not tenant data and must never go through the tenant-scoped Hibernate sessions.
 */
@Component
public class TenantRegistry {

    private static final String SELECT_TENANT = """
            select slug, display_name, population, primary_color, secondary_color, logo_url, default_language,
                   status, admin_email, cluster, created_at, updated_at,
                   exists (select 1 from platform.city_move m
                            where m.slug = tenant.slug and m.state in ('COPYING', 'SWITCHED')) as moving
              from platform.tenant""";

    /** No status change while the city moves between clusters: offboarding or a restore would act on half of it. */
    private static final String NOT_MOVING = """
            not exists (select 1 from platform.city_move m where m.slug = tenant.slug and m.state in ('COPYING', 'SWITCHED'))""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    TenantRegistry(DataSource dataSource, PlatformSchema migratedFirst) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Inserts the city in PROVISIONING with its domains and modules; {@code withinTransaction} adds
     * rows owned by other features (the onboarding journal) atomically.
     */
    public void register(NewTenant tenant, Consumer<String> withinTransaction) {
        tx.executeWithoutResult(status -> {
            try {
                jdbc.sql("""
                                insert into platform.tenant (slug, display_name, population, primary_color, secondary_color,
                                                             logo_url, default_language, admin_email, cluster, status)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROVISIONING')""")
                        .params(
                                tenant.slug(),
                                tenant.displayName(),
                                tenant.population(),
                                tenant.branding().primaryColor(),
                                tenant.branding().secondaryColor(),
                                tenant.branding().logoUrl(),
                                tenant.branding().defaultLanguage(),
                                tenant.adminEmail(),
                                tenant.cluster())
                        .update();
            } catch (DuplicateKeyException e) {
                throw new TenantAlreadyExistsException("A city with slug '" + tenant.slug() + "' already exists");
            }
            for (String domain : tenant.customDomains()) {
                try {
                    jdbc.sql("insert into platform.tenant_domain (domain, slug) values (?, ?)")
                            .params(domain, tenant.slug())
                            .update();
                } catch (DuplicateKeyException e) {
                    throw new TenantAlreadyExistsException("Domain '" + domain + "' already belongs to a city");
                }
            }
            for (String module : tenant.enabledModules()) {
                jdbc.sql("insert into platform.tenant_module (slug, module_id) values (?, ?)")
                        .params(tenant.slug(), module)
                        .update();
            }
            withinTransaction.accept(tenant.slug());
            recordEvent(tenant.slug(), "REGISTERED", null);
        });
    }

    public Optional<Tenant> find(String slug) {
        return withDomainsAndModules(jdbc.sql(SELECT_TENANT + " where slug = ?")
                        .param(slug)
                        .query(TenantRegistry::tenantRow)
                        .list())
                .stream()
                .findFirst();
    }

    /**
     * The city while it is onboarded and not offboarded (ACTIVE or SUSPENDED): what the coordinator's per-city
     * operations act on.
     *
     * @throws TenantStateConflictException in any other state
     */
    public Tenant onboarded(String slug) {
        Tenant tenant = get(slug);
        if (tenant.status() != TenantStatus.ACTIVE && tenant.status() != TenantStatus.SUSPENDED) {
            throw new TenantStateConflictException("City '" + slug + "' is " + tenant.status());
        }
        if (tenant.moving()) {
            throw new TenantStateConflictException(
                    "City '" + slug + "' is moving to another database cluster; try again when the move is done");
        }
        return tenant;
    }

    public Tenant get(String slug) {
        return find(slug).orElseThrow(() -> new UnknownTenantException(slug));
    }

    public List<Tenant> list() {
        return withDomainsAndModules(jdbc.sql(SELECT_TENANT + " order by slug")
                .query(TenantRegistry::tenantRow)
                .list());
    }

    public List<String> slugsWithStatus(Collection<TenantStatus> statuses) {
        return jdbc.sql("select slug from platform.tenant where status in (:statuses) order by slug")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(String.class)
                .list();
    }

    /** Enabled modules of every city with one of these statuses, in one query. */
    public Map<String, Set<String>> modulesOf(Collection<TenantStatus> statuses) {
        Map<String, Set<String>> modules = modulesBySlug();
        return slugsWithStatus(statuses).stream()
                .collect(Collectors.toMap(slug -> slug, slug -> modules.getOrDefault(slug, Set.of())));
    }

    /**
     * Moves a city from one of {@code from} to {@code to}, atomically, and records why.
     *
     * @return false when the city was not in one of the expected statuses (nothing changed)
     */
    public boolean transition(String slug, Set<TenantStatus> from, TenantStatus to, String event) {
        Boolean changed = tx.execute(status -> {
            int updated = jdbc.sql("""
                            update platform.tenant set status = :to, updated_at = now()
                             where slug = :slug and status in (:from) and""" + " " + NOT_MOVING)
                    .param("to", to.name())
                    .param("slug", slug)
                    .param("from", from.stream().map(Enum::name).toList())
                    .update();
            if (updated == 1) {
                recordEvent(slug, event, null);
            }
            return updated == 1;
        });
        return Boolean.TRUE.equals(changed);
    }

    /** Adds a module to the city's enabled set; false when it was enabled already. */
    public boolean enableModule(String slug, String module) {
        return changeModules(
                slug,
                module,
                "insert into platform.tenant_module (slug, module_id) values (?, ?) on conflict do nothing",
                "MODULE_ENABLED");
    }

    /** Removes a module from the city's enabled set (its tables and data stay); false when it was not enabled. */
    public boolean disableModule(String slug, String module) {
        return changeModules(
                slug, module, "delete from platform.tenant_module where slug = ? and module_id = ?", "MODULE_DISABLED");
    }

    private boolean changeModules(String slug, String module, String change, String event) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            boolean changed = jdbc.sql(change).params(slug, module).update() == 1;
            if (changed) {
                touch(slug);
                recordEvent(slug, event, module);
            }
            return changed;
        }));
    }

    private void touch(String slug) {
        jdbc.sql("update platform.tenant set updated_at = now() where slug = ?")
                .param(slug)
                .update();
    }

    public void recordEvent(String slug, String kind, String detail) {
        jdbc.sql("insert into platform.tenant_event (slug, kind, detail) values (?, ?, ?)")
                .params(slug, kind, detail == null ? null : truncate(detail))
                .update();
    }

    public List<TenantEvent> events(String slug) {
        return jdbc.sql("select kind, detail, at from platform.tenant_event where slug = ? order by id")
                .param(slug)
                .query((rs, row) -> new TenantEvent(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    public void recordArchive(String slug, String archive) {
        jdbc.sql("update platform.tenant set offboarding_archive = ?, updated_at = now() where slug = ?")
                .params(archive, slug)
                .update();
    }

    public Optional<String> archiveOf(String slug) {
        return jdbc.sql("select offboarding_archive from platform.tenant where slug = ?")
                .param(slug)
                .query(String.class)
                .optional();
    }

    /** Cities being moved between clusters: not served, their connectors stopped. */
    public Set<String> moving() {
        return Set.copyOf(jdbc.sql("select slug from platform.city_move where state in ('COPYING', 'SWITCHED')")
                .query(String.class)
                .list());
    }

    /**
     * Points the city at another cluster if it still is on {@code from}; {@code withinTransaction} records
     * the move's progress atomically with the switch.
     *
     * @return false when the city was not on {@code from} (nothing changed)
     */
    public boolean switchCluster(String slug, ClusterName from, ClusterName to, Runnable withinTransaction) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            int updated = jdbc.sql("""
                            update platform.tenant set cluster = ?, updated_at = now() where slug = ? and cluster = ?""").params(to.value(), slug, from.value()).update();
            if (updated == 1) {
                withinTransaction.run();
                recordEvent(slug, "MOVED", from + " -> " + to);
            }
            return updated == 1;
        }));
    }

    /** Every city with its domains, and a version that changes whenever any of it changes. */
    public TenantDirectory directory() {
        return tx.execute(status -> {
            String version = jdbc.sql(
                            "select count(*) || '-' || coalesce(extract(epoch from max(updated_at))::text, '0') from platform.tenant")
                    .query(String.class)
                    .single();
            Map<String, List<String>> domains = domainsBySlug();
            List<TenantDirectory.Entry> entries = jdbc.sql(
                            "select slug, status, rate_limits::text from platform.tenant order by slug")
                    .query((rs, row) -> new TenantDirectory.Entry(
                            rs.getString(1),
                            TenantStatus.valueOf(rs.getString(2)),
                            domains.getOrDefault(rs.getString(1), List.of()),
                            CityRateLimits.parse(rs.getString(3))))
                    .list();
            return new TenantDirectory(version, entries);
        });
    }

    private Map<String, Set<String>> modulesBySlug() {
        return jdbc
                .sql("select slug, module_id from platform.tenant_module")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
    }

    private Map<String, List<String>> domainsBySlug() {
        return jdbc
                .sql("select slug, domain from platform.tenant_domain order by domain")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    // Rows first, then domains and modules in one query each: no query while a result set is open.
    private List<Tenant> withDomainsAndModules(List<Tenant> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> domains = domainsBySlug();
        Map<String, Set<String>> modules = modulesBySlug();
        return rows.stream()
                .map(t -> new Tenant(
                        t.slug(),
                        t.displayName(),
                        t.population(),
                        domains.getOrDefault(t.slug(), List.of()),
                        t.branding(),
                        modules.getOrDefault(t.slug(), Set.of()),
                        t.status(),
                        t.adminEmail(),
                        t.cluster(),
                        t.moving(),
                        t.createdAt(),
                        t.updatedAt()))
                .toList();
    }

    private static Tenant tenantRow(ResultSet rs, int row) throws SQLException {
        return new Tenant(
                rs.getString("slug"),
                rs.getString("display_name"),
                rs.getInt("population"),
                List.of(),
                new Branding(
                        rs.getString("primary_color"),
                        rs.getString("secondary_color"),
                        rs.getString("logo_url"),
                        rs.getString("default_language")),
                Set.of(),
                TenantStatus.valueOf(rs.getString("status")),
                rs.getString("admin_email"),
                rs.getString("cluster"),
                rs.getBoolean("moving"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static String truncate(String detail) {
        return detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    public record TenantEvent(String kind, String detail, java.time.Instant at) {}
}
