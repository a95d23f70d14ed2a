package eu.selfdata.connectors;

import eu.selfdata.connectors.settings.Secret;
import eu.selfdata.connectors.settings.SecretBox;
import eu.selfdata.usecase.api.CityTransactions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a city admin chose for its connectors, in the city's schema: on or off, and the text of each
 * setting they changed ({@code connector_config}); secrets sealed apart ({@code connector_secret}),
 * never in the JSON, so nothing that copies configuration copies a password.
 */
public class ConnectorConfigs {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};

    private final CityTransactions jdbc;
    private final SecretBox secrets;

    public ConnectorConfigs(CityTransactions jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /**
     * Whether the city's schema has the connector tables yet (its modules' changelogs ran, up to the
     * newest table, {@code connector_health}). Asked in the city's schema: the name resolves through
     * its search_path alone.
     */
    public boolean ready(String city) {
        return jdbc.call(
                city,
                client -> client.sql("select to_regclass('connector_health') is not null")
                        .query(Boolean.class)
                        .single());
    }

    /** The city's choices per template, secrets opened. */
    public Map<String, Choice> choices(String city) {
        return jdbc.call(city, client -> {
            Map<String, Choice> choices = new HashMap<>();
            client.sql("select template, enabled, parameters::text from connector_config")
                    .query((rs, row) -> choices.put(
                            rs.getString(1),
                            new Choice(rs.getBoolean(2), JSON.readValue(rs.getString(3), TEXTS), Map.of())))
                    .list();
            Map<String, Map<String, Secret>> sealed = new HashMap<>();
            client.sql("select template, name, ciphertext from connector_secret")
                    .query((rs, row) -> sealed.computeIfAbsent(rs.getString(1), t -> new HashMap<>())
                            .put(rs.getString(2), secrets.open(city, rs.getString(1), rs.getString(2), rs.getBytes(3))))
                    .list();
            sealed.forEach((template, opened) -> choices.computeIfPresent(
                    template, (t, choice) -> new Choice(choice.enabled(), choice.texts(), opened)));
            return choices;
        });
    }

    public Optional<Choice> choice(String city, String template) {
        return Optional.ofNullable(choices(city).get(template));
    }

    /** Replaces the city's choice for a template, its secrets included, in one transaction. */
    public void save(String city, String template, Choice choice) {
        jdbc.run(city, client -> {
            client.sql("""
                            insert into connector_config (template, enabled, parameters) values (:template, :enabled, cast(:texts as jsonb))
                            on conflict (template) do update
                               set enabled = excluded.enabled, parameters = excluded.parameters, updated_at = now()""")
                    .param("template", template)
                    .param("enabled", choice.enabled())
                    .param("texts", JSON.writeValueAsString(choice.texts()))
                    .update();
            client.sql("delete from connector_secret where template = :template")
                    .param("template", template)
                    .update();
            choice.secrets()
                    .forEach((name, secret) -> client.sql("""
                            insert into connector_secret (template, name, ciphertext) values (:template, :name, :ciphertext)""")
                            .param("template", template)
                            .param("name", name)
                            .param("ciphertext", secrets.seal(city, template, name, secret))
                            .update());
        });
    }

    /**
     * A city's choice for one template: on or off, the texts of the settings it set (checked against
     * the template's types when used), and its secrets.
     */
    public record Choice(boolean enabled, Map<String, String> texts, Map<String, Secret> secrets) {

        public Choice {
            texts = Map.copyOf(texts);
            secrets = Map.copyOf(secrets);
        }

        /** Every text the template reads, secrets included (for {@code SettingValues.of}). */
        public Map<String, String> allTexts() {
            Map<String, String> all = new HashMap<>(texts);
            secrets.forEach((name, secret) -> all.put(name, secret.value()));
            return all;
        }
    }
}
