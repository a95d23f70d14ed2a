package eu.selfdata.connectors;

import eu.selfdata.usecase.api.CityTransactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The health of a city's connectors in its schema ({@code connector_health}), one row per template the
 * city wants: whichever replica runs a route writes, every replica reads. Each event is one statement
 * that changes the row in place ({@code succeeded = succeeded + 1}), so replicas never overwrite each
 * other's counts; times are the database's, one clock for every replica, so "last success after last
 * error" compares times written by different replicas. The city and template are bound parameters;
 * the schema is the city's through {@link CityTransactions} only.
 */
class ConnectorStates {

    private final CityTransactions jdbc;
    private final DeadLetters deadLetters;

    ConnectorStates(CityTransactions jdbc, DeadLetters deadLetters) {
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
    }

    /** The template runs for the city: it gets its row, its history kept (another replica may have run it). */
    void started(String city, String template) {
        jdbc.run(
                city,
                client -> client.sql(
                                "insert into connector_health (template) values (:template) on conflict do nothing")
                        .param("template", template)
                        .update());
    }

    void succeeded(String city, String template) {
        jdbc.run(city, client -> client.sql("""
                        insert into connector_health (template, succeeded, last_success) values (:template, 1, now())
                        on conflict (template) do update
                           set succeeded = connector_health.succeeded + 1, last_success = excluded.last_success""").param("template", template).update());
    }

    void failed(String city, String template, HealthMessage message) {
        jdbc.run(
                city,
                client -> client.sql("""
                        insert into connector_health (template, failed, last_error, last_error_message)
                        values (:template, 1, now(), :message)
                        on conflict (template) do update
                           set failed = connector_health.failed + 1, last_error = excluded.last_error,
                               last_error_message = excluded.last_error_message""")
                        .param("template", template)
                        .param("message", message.text())
                        .update());
    }

    /**
     * The city's stored settings fail their rules: shown as the last error, counted once per reason
     * (every replica's reconciliation refuses them again).
     *
     * @return whether the reason is new (the row changed)
     */
    boolean refused(String city, String template, HealthMessage reason) {
        return jdbc.call(
                city,
                client -> client.sql("""
                                insert into connector_health (template, failed, last_error, last_error_message, refused_settings)
                                values (:template, 1, now(), :reason, :reason)
                                on conflict (template) do update
                                   set failed = connector_health.failed + 1, last_error = excluded.last_error,
                                       last_error_message = excluded.last_error_message,
                                       refused_settings = excluded.refused_settings
                                 where connector_health.refused_settings is distinct from excluded.refused_settings""")
                                .param("template", template)
                                .param("reason", reason.text())
                                .update()
                        == 1);
    }

    /**
     * After a reconciliation of the city: rows of templates it no longer wants go (switched off, module
     * disabled), and a refusal not repeated is forgotten with the error it showed (settings corrected).
     *
     * @param wanted templates the city runs or would run but for refused settings
     * @param refused templates whose settings were refused
     */
    void reconciled(String city, Set<String> wanted, Set<String> refused) {
        jdbc.run(city, client -> {
            client.sql("delete from connector_health where template <> all(:wanted)")
                    .param("wanted", wanted.toArray(String[]::new))
                    .update();
            client.sql("""
                            update connector_health
                               set refused_settings = null,
                                   last_error = case when last_error_message = refused_settings then null else last_error end,
                                   last_error_message = nullif(last_error_message, refused_settings)
                             where refused_settings is not null and template <> all(:refused)""").param("refused", refused.toArray(String[]::new)).update();
        });
    }

    /** The city's rows, each with its open dead letters; none before the city's schema has the table. */
    List<ConnectorState> of(String city) {
        return jdbc.call(city, client -> {
            if (!client.sql("select to_regclass('connector_health') is not null")
                    .query(Boolean.class)
                    .single()) {
                return List.of();
            }
            Map<String, Long> open = deadLetters.openByTemplate(city);
            return client.sql("select * from connector_health order by template")
                    .query((rs, row) -> map(rs, open))
                    .list();
        });
    }

    private static ConnectorState map(ResultSet rs, Map<String, Long> open) throws SQLException {
        String template = rs.getString("template");
        return new ConnectorState(
                template,
                instant(rs.getTimestamp("last_success")),
                instant(rs.getTimestamp("last_error")),
                rs.getString("last_error_message"),
                rs.getLong("succeeded"),
                rs.getLong("failed"),
                rs.getString("refused_settings"),
                open.getOrDefault(template, 0L));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
