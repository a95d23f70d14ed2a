package eu.selfdata.governance.charter;

import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.audit.AuditTrail;
import eu.selfdata.governance.consortium.Partner;
import eu.selfdata.governance.consortium.Partners;
import eu.selfdata.governance.problem.GovernanceException;
import eu.selfdata.governance.problem.ProblemType;
import eu.selfdata.governance.tenantservice.TenantServiceClient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data charter: versions published by the coordinators, signed by each city's admin. A signature
 * is relayed to tenant-service ({@code PUT /platform/tenants/{slug}/charter}) so consent receipts
 * name the version; until tenant-service confirms, it is retried.
 */
@Component
class Charter {

    private static final Logger log = LoggerFactory.getLogger(Charter.class);
    private static final String SELECT_SIGNATURE = """
            select s.id, s.city_slug, s.signed_by, s.signed_at, s.relayed_at, v.id version_id, v.title, v.body, v.published_at
              from charter_signature s join charter_version v on v.id = s.version_id""";

    private final JdbcClient jdbc;
    private final Partners partners;
    private final TenantServiceClient tenantService;
    private final AuditTrail audit;

    Charter(JdbcClient jdbc, Partners partners, TenantServiceClient tenantService, AuditTrail audit) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.tenantService = tenantService;
        this.audit = audit;
    }

    @Transactional
    CharterVersion publish(Caller caller, String id, String title, String body) {
        caller.requirePlatformHost();
        caller.requireCoordinator();
        try {
            jdbc.sql("insert into charter_version (id, title, body, published_at) values (?, ?, ?, clock_timestamp())")
                    .params(id, title, body)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new GovernanceException(
                    ProblemType.ALREADY_DONE, "Charter version " + id + " exists; publish a new version instead");
        }
        CharterVersion version = version(id);
        audit.record(caller.subject(), "CHARTER_PUBLISHED", "charter_version", id, null, version);
        return version;
    }

    List<CharterVersion> versions() {
        return jdbc.sql("select * from charter_version order by published_at")
                .query(Charter::versionRow)
                .list();
    }

    CharterVersion version(String id) {
        return jdbc.sql("select * from charter_version where id = ?")
                .param(id)
                .query(Charter::versionRow)
                .optional()
                .orElseThrow(() -> GovernanceException.notFound("Charter version " + id));
    }

    /** The host city's admin signs a version for the city. */
    CitySignature sign(Caller caller, String versionId) {
        String city = caller.city();
        if (!caller.adminOf().contains(city)) {
            throw GovernanceException.forbidden("Only an admin of " + city + " signs the charter for it");
        }
        Partner partner = partners.city(city)
                .filter(Partner::isMember)
                .orElseThrow(() -> GovernanceException.notFound("Partner city " + city));
        CharterVersion version = version(versionId);
        Optional<CitySignature> before = signed(city);
        long id = jdbc.sql("""
                        insert into charter_signature (city_slug, version_id, signed_by, signed_at) values (?, ?, ?, clock_timestamp())
                        returning id""")
                .params(partner.citySlug(), version.id(), caller.subject())
                .query(Long.class)
                .single();
        audit.record(
                caller.subject(),
                "CHARTER_SIGNED",
                "charter_signature",
                city,
                before.map(s -> s.version().id()).orElse(null),
                Map.of("version", version.id()));
        relay(id, city, version.id());
        return signed(city).orElseThrow();
    }

    Optional<CitySignature> signed(String city) {
        return jdbc.sql(SELECT_SIGNATURE + " where s.city_slug = ? order by s.id desc limit 1")
                .param(city)
                .query(Charter::signatureRow)
                .optional();
    }

    @Scheduled(
            fixedDelayString = "${selfdata.charter.relay-retry-interval:60s}",
            initialDelayString = "${selfdata.charter.relay-retry-interval:60s}")
    void retryRelays() {
        // only each city's latest signature matters to tenant-service
        jdbc.sql("""
                        select id, city_slug, version_id from (
                            select distinct on (city_slug) id, city_slug, version_id, relayed_at from charter_signature
                             order by city_slug, id desc) latest
                         where relayed_at is null""")
                .query((rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(pending -> relay(pending.signatureId(), pending.city(), pending.version()));
    }

    private record Pending(long signatureId, String city, String version) {}

    private void relay(long signatureId, String city, String version) {
        try {
            tenantService.recordCharter(city, version);
            jdbc.sql("update charter_signature set relayed_at = clock_timestamp() where id = ?")
                    .param(signatureId)
                    .update();
        } catch (GovernanceException e) {
            log.warn(
                    "Charter {} signed by {} not relayed to tenant-service yet, will retry: {}",
                    version,
                    city,
                    e.getMessage());
        }
    }

    private static CharterVersion versionRow(ResultSet rs, int row) throws SQLException {
        return new CharterVersion(
                rs.getString("id"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getTimestamp("published_at").toInstant());
    }

    private static CitySignature signatureRow(ResultSet rs, int row) throws SQLException {
        Timestamp relayed = rs.getTimestamp("relayed_at");
        return new CitySignature(
                rs.getString("city_slug"),
                new CharterVersion(
                        rs.getString("version_id"),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getTimestamp("published_at").toInstant()),
                rs.getString("signed_by"),
                rs.getTimestamp("signed_at").toInstant(),
                relayed == null ? null : relayed.toInstant());
    }
}
