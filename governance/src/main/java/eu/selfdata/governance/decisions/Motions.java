package eu.selfdata.governance.decisions;

import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.audit.AuditTrail;
import eu.selfdata.governance.consortium.ConsortiumRole;
import eu.selfdata.governance.consortium.Partner;
import eu.selfdata.governance.consortium.Partners;
import eu.selfdata.governance.consortium.RoleAssignment;
import eu.selfdata.governance.consortium.Roles;
import eu.selfdata.governance.costsharing.CostSharing;
import eu.selfdata.governance.decisions.domain.Choice;
import eu.selfdata.governance.decisions.domain.MotionKind;
import eu.selfdata.governance.decisions.domain.Tally;
import eu.selfdata.governance.decisions.domain.VotingRule;
import eu.selfdata.governance.problem.GovernanceException;
import eu.selfdata.governance.problem.ProblemType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Motions and partners' votes. Coordinators and the lead open and close motions; each member partner
 * (observers excepted) votes once through its representative; the result is recorded at closing and
 * published with the motion.
 */
@Component
class Motions {

    private final JdbcClient jdbc;
    private final Partners partners;
    private final Roles roles;
    private final CostSharing costSharing;
    private final AuditTrail audit;
    private final JsonMapper json;

    Motions(
            JdbcClient jdbc,
            Partners partners,
            Roles roles,
            CostSharing costSharing,
            AuditTrail audit,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.roles = roles;
        this.costSharing = costSharing;
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    Motion open(Caller caller, MotionKind kind, String title, String description, VotingRule requested, UUID periodId) {
        requireManager(caller);
        VotingRule rule = requested == null ? VotingRule.defaultFor(kind) : requested;
        if (rule.weighting() == VotingRule.Weighting.CONTRIBUTION) {
            if (periodId == null) {
                throw GovernanceException.invalid(
                        "A vote weighted by contribution names the closed period whose contributions count");
            }
            costSharing.contributions(periodId);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into motion (id, kind, title, description, weighting, period_id, quorum_pct, majority_pct, status, opened_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', clock_timestamp())""")
                .params(
                        id,
                        kind.name(),
                        title,
                        description,
                        rule.weighting().name(),
                        periodId,
                        rule.quorumPct(),
                        rule.majorityPct())
                .update();
        Motion motion = get(id);
        audit.record(caller.subject(), "MOTION_OPENED", "motion", id, null, motion);
        return motion;
    }

    /** Insiders see every motion; anyone else the closed ones, with their results. */
    List<Motion> list(Caller caller) {
        boolean insider =
                caller.coordinator() || !partners.representedBy(caller).isEmpty();
        return jdbc.sql("select * from motion where status <> 'OPEN' or :insider order by opened_at desc")
                .param("insider", insider)
                .query(Motions::row)
                .list();
    }

    Motion get(UUID id) {
        return jdbc.sql("select * from motion where id = ?")
                .param(id)
                .query(Motions::row)
                .optional()
                .orElseThrow(() -> GovernanceException.notFound("Motion " + id));
    }

    @Transactional
    void vote(Caller caller, UUID motionId, UUID partnerId, Choice choice) {
        Motion motion = lock(motionId);
        Partner partner = partners.get(partnerId);
        if (!partners.represents(caller, partner)) {
            throw GovernanceException.forbidden("Only " + partner.name() + "'s representatives vote for it");
        }
        if (!"OPEN".equals(motion.status())) {
            throw new GovernanceException(ProblemType.STATE_CONFLICT, "The vote on this motion is closed");
        }
        if (!eligible(motion).containsKey(partnerId)) {
            throw GovernanceException.forbidden(partner.name() + " has no vote on this motion");
        }
        int inserted = jdbc.sql("""
                        insert into motion_vote (motion_id, partner_id, choice, cast_by, cast_at) values (?, ?, ?, ?, clock_timestamp())
                        on conflict do nothing""")
                .params(motionId, partnerId, choice.name(), caller.subject())
                .update();
        if (inserted == 0) {
            throw new GovernanceException(
                    ProblemType.ALREADY_DONE, partner.name() + " has voted on this motion already");
        }
        audit.record(
                caller.subject(),
                "VOTE_CAST",
                "motion",
                motionId,
                null,
                Map.of("partnerId", partnerId, "choice", choice));
    }

    @Transactional
    Motion close(Caller caller, UUID motionId) {
        requireManager(caller);
        Motion motion = lock(motionId);
        if (!"OPEN".equals(motion.status())) {
            throw new GovernanceException(ProblemType.STATE_CONFLICT, "This motion is closed already");
        }
        Map<UUID, Choice> votes = jdbc
                .sql("select partner_id, choice from motion_vote where motion_id = ?")
                .param(motionId)
                .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), Choice.valueOf(rs.getString(2))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Tally tally = Tally.count(motion.rule(), eligible(motion), votes);
        jdbc.sql("update motion set status = ?, closed_at = clock_timestamp(), result = ? where id = ?")
                .params(tally.adopted() ? "ADOPTED" : "REJECTED", json.writeValueAsString(tally), motionId)
                .update();
        Motion closed = get(motionId);
        audit.record(caller.subject(), "MOTION_CLOSED", "motion", motionId, motion, closed);
        return closed;
    }

    /** Member partners that are not observers, with their weight under the motion's rule. */
    private Map<UUID, Long> eligible(Motion motion) {
        Set<UUID> observers = roles.current().stream()
                .filter(role -> role.role() == ConsortiumRole.OBSERVER)
                .map(RoleAssignment::partnerId)
                .collect(Collectors.toSet());
        Map<UUID, Long> contributions = motion.rule().weighting() == VotingRule.Weighting.CONTRIBUTION
                ? costSharing.contributions(motion.periodId())
                : Map.of();
        Map<UUID, Long> eligible = new HashMap<>();
        partners.members().stream()
                .map(Partner::id)
                .filter(id -> !observers.contains(id))
                .forEach(id -> eligible.put(
                        id,
                        motion.rule().weighting() == VotingRule.Weighting.CONTRIBUTION
                                ? contributions.getOrDefault(id, 0L)
                                : 1L));
        return eligible;
    }

    private Motion lock(UUID id) {
        return jdbc.sql("select * from motion where id = ? for update")
                .param(id)
                .query(Motions::row)
                .optional()
                .orElseThrow(() -> GovernanceException.notFound("Motion " + id));
    }

    private void requireManager(Caller caller) {
        if (!caller.coordinator() && !roles.actsForLead(caller)) {
            throw GovernanceException.forbidden(
                    "Motions are put and closed by the platform coordinators and the lead coordinator");
        }
    }

    private static Motion row(ResultSet rs, int row) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Motion(
                rs.getObject("id", UUID.class),
                MotionKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("description"),
                new VotingRule(
                        VotingRule.Weighting.valueOf(rs.getString("weighting")),
                        rs.getInt("quorum_pct"),
                        rs.getInt("majority_pct")),
                rs.getObject("period_id", UUID.class),
                rs.getString("status"),
                rs.getTimestamp("opened_at").toInstant(),
                closed == null ? null : closed.toInstant(),
                rs.getString("result"));
    }
}
