package eu.selfdata.governance.consortium;

import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.audit.AuditTrail;
import eu.selfdata.governance.problem.GovernanceException;
import eu.selfdata.governance.problem.ProblemType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which role, with history. Every change first locks the project row, so role changes are
 * serialised: the lead coordinator passes from one partner to the next at one instant
 * ({@code clock_timestamp()} read under the lock), never zero or two at a time; a partial unique
 * index backs this up in the database.
 */
@Component
public class Roles {

    private final JdbcClient jdbc;
    private final Partners partners;
    private final AuditTrail audit;

    Roles(JdbcClient jdbc, Partners partners, AuditTrail audit) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.audit = audit;
    }

    public List<RoleAssignment> current() {
        return jdbc.sql("select * from role_assignment where ended_at is null order by role, started_at")
                .query(Roles::row)
                .list();
    }

    public List<RoleAssignment> history() {
        return jdbc.sql("select * from role_assignment order by started_at, id")
                .query(Roles::row)
                .list();
    }

    public Optional<UUID> lead() {
        return jdbc.sql("select partner_id from role_assignment where role = 'LEAD_COORDINATOR' and ended_at is null")
                .query(UUID.class)
                .optional();
    }

    /** Whether this caller acts for the partner that holds the lead coordinator role now. */
    public boolean actsForLead(Caller caller) {
        return lead().map(partners::get)
                .filter(partner -> partners.represents(caller, partner))
                .isPresent();
    }

    @Transactional
    public RoleAssignment assign(String actor, ConsortiumRole role, UUID partnerId) {
        lockProject();
        Partner partner = partners.get(partnerId);
        if (!partner.isMember()) {
            throw new GovernanceException(
                    ProblemType.STATE_CONFLICT, partner.name() + " is not a member of the consortium");
        }
        if (role == ConsortiumRole.LEAD_COORDINATOR && lead().isPresent()) {
            throw new GovernanceException(
                    ProblemType.LEAD_HANDOVER_REQUIRED,
                    "There is a lead coordinator already: hand over with a transfer");
        }
        RoleAssignment assignment = insert(partnerId, role);
        audit.record(actor, "ROLE_ASSIGNED", "role", role, null, assignment);
        return assignment;
    }

    @Transactional
    public void release(String actor, ConsortiumRole role, UUID partnerId) {
        String status = lockProject();
        if (role == ConsortiumRole.LEAD_COORDINATOR) {
            throw new GovernanceException(
                    ProblemType.LEAD_HANDOVER_REQUIRED, "The lead coordinator changes only by transfer");
        }
        RoleAssignment held = openAssignment(role, partnerId)
                .orElseThrow(() -> GovernanceException.notFound("Role " + role + " of partner " + partnerId));
        if ("LIVE".equals(status) && role.coordination() && holders(role) == 1) {
            throw new GovernanceException(
                    ProblemType.COORDINATION_ROLE_EMPTY,
                    "The project is live: " + role + " cannot be left without a holder");
        }
        jdbc.sql("update role_assignment set ended_at = clock_timestamp() where id = ?")
                .param(held.id())
                .update();
        audit.record(actor, "ROLE_RELEASED", "role", role, held, null);
    }

    /** Hands the lead over: the current lead's assignment ends at the instant the new one starts. */
    @Transactional
    public RoleAssignment transferLead(Caller caller, UUID to) {
        lockProject();
        UUID from = lead().orElseThrow(() ->
                new GovernanceException(ProblemType.STATE_CONFLICT, "No lead coordinator yet: assign the role first"));
        if (!caller.coordinator() && !partners.represents(caller, partners.get(from))) {
            throw GovernanceException.forbidden(
                    "Only the lead coordinator or a platform coordinator hands the lead over");
        }
        if (!partners.get(to).isMember()) {
            throw new GovernanceException(
                    ProblemType.STATE_CONFLICT, "The new lead coordinator must be a member of the consortium");
        }
        if (from.equals(to)) {
            throw new GovernanceException(ProblemType.ALREADY_DONE, "This partner is the lead coordinator already");
        }
        Timestamp at =
                jdbc.sql("select clock_timestamp()").query(Timestamp.class).single();
        RoleAssignment ended =
                openAssignment(ConsortiumRole.LEAD_COORDINATOR, from).orElseThrow();
        jdbc.sql("update role_assignment set ended_at = ? where id = ?")
                .params(at, ended.id())
                .update();
        RoleAssignment started = jdbc.sql("""
                        insert into role_assignment (partner_id, role, started_at) values (?, 'LEAD_COORDINATOR', ?) returning *""").params(to, at).query(Roles::row).single();
        audit.record(
                caller.subject(),
                "LEAD_TRANSFERRED",
                "role",
                ConsortiumRole.LEAD_COORDINATOR,
                Map.of("partnerId", from),
                Map.of("partnerId", to));
        return started;
    }

    @Transactional
    public String goLive(String actor) {
        String status = lockProject();
        List<ConsortiumRole> empty = Arrays.stream(ConsortiumRole.values())
                .filter(ConsortiumRole::coordination)
                .filter(role -> holders(role) == 0)
                .toList();
        if (!empty.isEmpty()) {
            throw new GovernanceException(
                    ProblemType.COORDINATION_ROLE_EMPTY, "The project cannot go live: no holder for " + empty);
        }
        if (!"LIVE".equals(status)) {
            jdbc.sql("update project set status = 'LIVE', live_at = clock_timestamp() where id = 1")
                    .update();
            audit.record(actor, "PROJECT_LIVE", "project", 1, Map.of("status", status), Map.of("status", "LIVE"));
        }
        return "LIVE";
    }

    public String projectStatus() {
        return jdbc.sql("select status from project where id = 1")
                .query(String.class)
                .single();
    }

    /** Ends every role but the lead (which only a transfer ends) of a partner leaving the consortium. */
    void releaseAllButLead(String actor, UUID partnerId) {
        jdbc.sql("""
                update role_assignment set ended_at = clock_timestamp()
                 where partner_id = ? and ended_at is null and role <> 'LEAD_COORDINATOR'""").param(partnerId).update();
        audit.record(actor, "ROLES_RELEASED", "partner", partnerId, null, null);
    }

    private String lockProject() {
        return jdbc.sql("select status from project where id = 1 for update")
                .query(String.class)
                .single();
    }

    private int holders(ConsortiumRole role) {
        return jdbc.sql("select count(*) from role_assignment where role = ? and ended_at is null")
                .param(role.name())
                .query(Integer.class)
                .single();
    }

    private Optional<RoleAssignment> openAssignment(ConsortiumRole role, UUID partnerId) {
        return jdbc.sql("select * from role_assignment where role = ? and partner_id = ? and ended_at is null")
                .params(role.name(), partnerId)
                .query(Roles::row)
                .optional();
    }

    private RoleAssignment insert(UUID partnerId, ConsortiumRole role) {
        return jdbc.sql(
                        "insert into role_assignment (partner_id, role, started_at) values (?, ?, clock_timestamp()) returning *")
                .params(partnerId, role.name())
                .query(Roles::row)
                .single();
    }

    private static RoleAssignment row(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new RoleAssignment(
                rs.getLong("id"),
                rs.getObject("partner_id", UUID.class),
                ConsortiumRole.valueOf(rs.getString("role")),
                rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant());
    }
}
