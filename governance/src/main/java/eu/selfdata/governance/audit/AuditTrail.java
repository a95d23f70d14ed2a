package eu.selfdata.governance.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every change, who made it, when, and the state before and after (JSON). Callers record inside the
 * transaction of the change, so a change and its entry commit together. The table refuses updates
 * and deletes (trigger): the trail is read-only.
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(String actor, String action, String entity, Object entityId, Object before, Object after) {
        jdbc.sql("insert into audit_entry (actor, action, entity, entity_id, before, after) values (?, ?, ?, ?, ?, ?)")
                .params(actor, action, entity, String.valueOf(entityId), toJson(before), toJson(after))
                .update();
    }

    List<Entry> entries(String entity, String entityId, int limit) {
        return jdbc.sql("""
                        select id, at, actor, action, entity, entity_id, before, after from audit_entry
                         where (cast(:entity as varchar) is null or entity = :entity)
                           and (cast(:entityId as varchar) is null or entity_id = :entityId)
                         order by id desc limit :limit""")
                .param("entity", entity)
                .param("entityId", entityId)
                .param("limit", limit)
                .query((rs, row) -> new Entry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("entity"),
                        rs.getString("entity_id"),
                        rs.getString("before"),
                        rs.getString("after")))
                .list();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    /** One change; {@code before} and {@code after} are JSON documents, null when there was none. */
    public record Entry(
            long id,
            Instant at,
            String actor,
            String action,
            String entity,
            String entityId,
            String before,
            String after) {}
}
