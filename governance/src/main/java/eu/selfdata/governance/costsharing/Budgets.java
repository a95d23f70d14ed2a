package eu.selfdata.governance.costsharing;

import eu.selfdata.governance.costsharing.domain.Allocation;
import eu.selfdata.governance.costsharing.domain.CostSharingKey;
import eu.selfdata.governance.problem.GovernanceException;
import eu.selfdata.governance.tenantservice.CityUsage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Periods, lines, metered usage and closed allocations in the governance schema. */
@Component
class Budgets {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Budgets(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    BudgetPeriod period(UUID id) {
        return jdbc.sql("select * from budget_period where id = ?")
                .param(id)
                .query(Budgets::periodRow)
                .optional()
                .orElseThrow(() -> GovernanceException.notFound("Budget period " + id));
    }

    /** The period, locked until the transaction ends: closing and changing it never interleave. */
    BudgetPeriod lockPeriod(UUID id) {
        return jdbc.sql("select * from budget_period where id = ? for update")
                .param(id)
                .query(Budgets::periodRow)
                .optional()
                .orElseThrow(() -> GovernanceException.notFound("Budget period " + id));
    }

    List<BudgetPeriod> periods() {
        return jdbc.sql("select * from budget_period order by starts_on, name")
                .query(Budgets::periodRow)
                .list();
    }

    void insertPeriod(BudgetPeriod period) {
        jdbc.sql("insert into budget_period (id, name, starts_on, ends_on, status) values (?, ?, ?, ?, 'OPEN')")
                .params(period.id(), period.name(), period.startsOn(), period.endsOn())
                .update();
    }

    List<BudgetLine> lines(UUID periodId) {
        return jdbc.sql("select * from budget_line where period_id = ? order by category, label, id")
                .param(periodId)
                .query(this::lineRow)
                .list();
    }

    Optional<BudgetLine> line(UUID periodId, UUID lineId) {
        return jdbc.sql("select * from budget_line where period_id = ? and id = ?")
                .params(periodId, lineId)
                .query(this::lineRow)
                .optional();
    }

    void insertLine(BudgetLine line) {
        jdbc.sql(
                        "insert into budget_line (id, period_id, category, label, amount_cents, cost_key) values (?, ?, ?, ?, ?, ?)")
                .params(
                        line.id(),
                        line.periodId(),
                        line.category(),
                        line.label(),
                        line.amountCents(),
                        json.writeValueAsString(line.key()))
                .update();
    }

    void updateKey(UUID lineId, CostSharingKey key) {
        jdbc.sql("update budget_line set cost_key = ? where id = ?")
                .params(json.writeValueAsString(key), lineId)
                .update();
    }

    void deleteLine(UUID lineId) {
        jdbc.sql("delete from budget_line where id = ?").param(lineId).update();
    }

    Map<String, CityUsage> usage(UUID periodId) {
        return jdbc
                .sql("select * from period_usage where period_id = ?")
                .param(periodId)
                .query((rs, row) -> new CityUsage(
                        rs.getString("city_slug"),
                        rs.getLong("active_citizens"),
                        rs.getLong("stored_bytes"),
                        rs.getLong("api_calls")))
                .list()
                .stream()
                .collect(Collectors.toMap(CityUsage::slug, usage -> usage));
    }

    void replaceUsage(UUID periodId, List<CityUsage> usage) {
        jdbc.sql("delete from period_usage where period_id = ?").param(periodId).update();
        for (CityUsage city : usage) {
            jdbc.sql("""
                            insert into period_usage (period_id, city_slug, active_citizens, stored_bytes, api_calls, fetched_at)
                            values (?, ?, ?, ?, ?, clock_timestamp())""")
                    .params(periodId, city.slug(), city.activeCitizens(), city.storedBytes(), city.apiCalls())
                    .update();
        }
    }

    /** Partners who were members at some point of the period, oldest membership first. */
    List<UUID> membersDuring(BudgetPeriod period) {
        return jdbc.sql("""
                        select partner_id from membership
                         where started_at < cast(:endsOn as date) + 1 and (ended_at is null or ended_at >= cast(:startsOn as date))
                         group by partner_id order by min(started_at), partner_id""")
                .param("startsOn", period.startsOn())
                .param("endsOn", period.endsOn())
                .query(UUID.class)
                .list();
    }

    void close(UUID periodId, String actor, Map<UUID, List<Allocation>> byLine) {
        byLine.forEach((line, allocations) -> allocations.forEach(allocation -> jdbc.sql(
                        "insert into closed_allocation (period_id, line_id, partner_id, cents) values (?, ?, ?, ?)")
                .params(periodId, line, allocation.partnerId(), allocation.cents())
                .update()));
        jdbc.sql(
                        "update budget_period set status = 'CLOSED', closed_at = clock_timestamp(), closed_by = ? where id = ?")
                .params(actor, periodId)
                .update();
    }

    Map<UUID, List<Allocation>> closedAllocations(UUID periodId) {
        return jdbc
                .sql("""
                        select a.line_id, a.partner_id, a.cents from closed_allocation a
                          join (select partner_id, min(started_at) since from membership group by partner_id) m using (partner_id)
                         where a.period_id = ? order by m.since, a.partner_id""")
                .param(periodId)
                .query((rs, row) -> Map.entry(
                        rs.getObject("line_id", UUID.class),
                        new Allocation(rs.getObject("partner_id", UUID.class), rs.getLong("cents"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    void publish(UUID periodId) {
        jdbc.sql("update budget_period set statements_published = true where id = ?")
                .param(periodId)
                .update();
    }

    private BudgetLine lineRow(ResultSet rs, int row) throws SQLException {
        return new BudgetLine(
                rs.getObject("id", UUID.class),
                rs.getObject("period_id", UUID.class),
                rs.getString("category"),
                rs.getString("label"),
                rs.getLong("amount_cents"),
                json.readValue(rs.getString("cost_key"), CostSharingKey.class));
    }

    private static BudgetPeriod periodRow(ResultSet rs, int row) throws SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return new BudgetPeriod(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                "CLOSED".equals(rs.getString("status")),
                rs.getBoolean("statements_published"),
                closedAt == null ? null : closedAt.toInstant(),
                rs.getString("closed_by"));
    }
}
