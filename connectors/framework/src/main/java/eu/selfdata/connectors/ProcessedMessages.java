package eu.selfdata.connectors;

import eu.selfdata.usecase.api.CityTransactions;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Camel idempotent repository over {@code connector_processed} in the city's schema: the primary
 * key (template, message key) is what makes a second insert of the same message a no-op, across
 * replicas and restarts. Keys are {@code {city}/{template}/{message key}} (see
 * {@link ConnectorTemplate#idempotent}).
 */
public class ProcessedMessages extends ServiceSupport implements IdempotentRepository {

    public static final String BEAN = "selfdataProcessedMessages";

    private final CityTransactions jdbc;

    public ProcessedMessages(CityTransactions jdbc) {
        this.jdbc = jdbc;
    }

    static String key(String city, String template, String messageKey) {
        return city + "/" + template + "/" + messageKey;
    }

    @Override
    public boolean add(String key) {
        Key k = Key.parse(key);
        return jdbc.call(
                k.city(),
                client -> client.sql("""
                        insert into connector_processed (template, message_key) values (:template, :key)
                        on conflict do nothing""")
                                .param("template", k.template())
                                .param("key", k.messageKey())
                                .update()
                        == 1);
    }

    @Override
    public boolean contains(String key) {
        Key k = Key.parse(key);
        return jdbc.call(
                k.city(),
                client -> client.sql(
                                        "select count(*) from connector_processed where template = :template and message_key = :key")
                                .param("template", k.template())
                                .param("key", k.messageKey())
                                .query(Long.class)
                                .single()
                        > 0);
    }

    @Override
    public boolean remove(String key) {
        Key k = Key.parse(key);
        return jdbc.call(
                k.city(),
                client ->
                        client.sql("delete from connector_processed where template = :template and message_key = :key")
                                        .param("template", k.template())
                                        .param("key", k.messageKey())
                                        .update()
                                == 1);
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("processed messages are cleared per city, never all at once");
    }

    private record Key(String city, String template, String messageKey) {

        static Key parse(String key) {
            String[] parts = key.split("/", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                throw new IllegalArgumentException("not a connector message key: " + key);
            }
            return new Key(parts[0], parts[1], parts[2]);
        }
    }
}
