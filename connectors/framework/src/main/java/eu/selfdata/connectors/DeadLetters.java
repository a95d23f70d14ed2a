package eu.selfdata.connectors;

import eu.selfdata.usecase.api.CityTransactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dead-letter channel of every connector: failing records with their reason, in the city's
 * schema. A record failing again from the same source (a replayed file) updates its row instead of
 * adding one.
 */
public class DeadLetters {

    public static final String BEAN = "selfdataDeadLetters";
    private static final int MAX_RECORD = 10_000;
    private static final int MAX_REASON = 2_000;

    private final CityTransactions jdbc;

    public DeadLetters(CityTransactions jdbc) {
        this.jdbc = jdbc;
    }

    /** Records failures of one city in one transaction; use inside a template's own city transaction too. */
    public void record(String city, Collection<DeadLetter.Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        jdbc.run(city, client -> failures.forEach(failure -> insert(client, failure)));
    }

    /** Dead-letter channel endpoint: the whole message failed after its retries (e.g. unreadable file). */
    public void recordExchange(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String city = exchange.getIn().getHeader(ConnectorTemplate.CITY, String.class);
        String template = exchange.getIn().getHeader(ConnectorTemplate.TEMPLATE, String.class);
        String source = Optional.ofNullable(exchange.getIn().getHeader(ConnectorTemplate.SOURCE, String.class))
                .orElse(
                        exchange.getFromEndpoint() == null
                                ? template
                                : exchange.getFromEndpoint().getEndpointBaseUri());
        String sourceKey = Optional.ofNullable(exchange.getIn().getHeader(ConnectorTemplate.SOURCE_KEY, String.class))
                .orElse(exchange.getExchangeId());
        String record = exchange.getIn().getHeader(ConnectorTemplate.RECORD, String.class);
        record(city, List.of(new DeadLetter.Failure(template, source, sourceKey, null, record, reason(cause))));
    }

    public List<DeadLetter> list(
            String city, Optional<String> template, Optional<DeadLetter.Status> status, int limit) {
        return jdbc.call(
                city,
                client -> client.sql("""
                        select * from connector_dead_letter
                         where (cast(:template as varchar) is null or template = :template)
                           and (cast(:status as varchar) is null or status = :status)
                         order by id desc limit :limit""")
                        .param("template", template.orElse(null))
                        .param("status", status.map(Enum::name).orElse(null))
                        .param("limit", limit)
                        .query(DeadLetters::map)
                        .list());
    }

    public Optional<DeadLetter> find(String city, long id) {
        return jdbc.call(
                city,
                client -> client.sql("select * from connector_dead_letter where id = :id")
                        .param("id", id)
                        .query(DeadLetters::map)
                        .optional());
    }

    /** Open letters of each of the city's templates that has any. */
    public Map<String, Long> openByTemplate(String city) {
        return jdbc.call(city, client -> {
            Map<String, Long> open = new HashMap<>();
            client.sql("select template, count(*) from connector_dead_letter where status = 'OPEN' group by template")
                    .query((rs, row) -> open.put(rs.getString(1), rs.getLong(2)))
                    .list();
            return open;
        });
    }

    /** Closes an open letter; false when it was not open. */
    public boolean resolve(String city, long id, DeadLetter.Status outcome) {
        return jdbc.call(
                city,
                client -> client.sql("""
                        update connector_dead_letter set status = :status, resolved_at = now()
                         where id = :id and status = 'OPEN'""")
                                .param("status", outcome.name())
                                .param("id", id)
                                .update()
                        == 1);
    }

    /** A retry that failed again: the letter stays open with the new reason. */
    public void failedAgain(String city, long id, String reason) {
        jdbc.run(
                city,
                client -> client.sql("""
                        update connector_dead_letter set reason = :reason, attempts = attempts + 1, failed_at = now()
                         where id = :id""")
                        .param("reason", truncate(reason, MAX_REASON))
                        .param("id", id)
                        .update());
    }

    private static void insert(JdbcClient client, DeadLetter.Failure failure) {
        client.sql("""
                        insert into connector_dead_letter (template, source, source_key, line_number, record, reason)
                        values (:template, :source, :sourceKey, :line, :record, :reason)
                        on conflict on constraint connector_dead_letter_once do update
                           set reason = excluded.reason, record = excluded.record, failed_at = now(),
                               attempts = connector_dead_letter.attempts + 1, status = 'OPEN', resolved_at = null""")
                .param("template", failure.template())
                .param("source", truncate(failure.source(), 1000))
                .param("sourceKey", truncate(failure.sourceKey(), 200))
                .param("line", failure.lineNumber())
                .param("record", truncate(failure.record(), MAX_RECORD))
                .param("reason", truncate(failure.reason(), MAX_REASON))
                .update();
    }

    /** The failure and, when another, its root cause: "cannot connect" alone does not tell the admin why. */
    static String reason(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return describe(cause) + (root == cause ? "" : " (" + describe(root) + ")");
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static DeadLetter map(ResultSet rs, int row) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new DeadLetter(
                rs.getLong("id"),
                rs.getString("template"),
                rs.getString("source"),
                rs.getString("source_key"),
                rs.getObject("line_number", Long.class),
                rs.getString("record"),
                rs.getString("reason"),
                DeadLetter.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getTimestamp("failed_at").toInstant(),
                resolved == null ? null : resolved.toInstant());
    }
}
