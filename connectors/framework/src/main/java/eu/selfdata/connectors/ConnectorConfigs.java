package eu.selfdata.connectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.Map;

/** What a city admin changed from a template's defaults, in {@code connector_config} of the city's schema. */
public class ConnectorConfigs {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {
    };

    private final CityJdbc jdbc;

    public ConnectorConfigs(CityJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the city's schema has the connector tables yet (its modules' changelogs ran). */
    boolean ready(String city) {
        return jdbc.unscoped().sql("select to_regclass(:table) is not null")
                .param("table", new CitySchema(city).quoted() + ".connector_config").query(Boolean.class).single();
    }

    public Map<String, Choice> overrides(String city) {
        Map<String, Choice> overrides = new HashMap<>();
        jdbc.run(city, client -> client.sql("select template, enabled, parameters::text from connector_config")
                .query((rs, row) -> overrides.put(rs.getString(1),
                        new Choice(rs.getBoolean(2), JSON.readValue(rs.getString(3), PARAMETERS)))).list());
        return overrides;
    }

    public void save(String city, String template, Choice choice) {
        jdbc.run(city, client -> client.sql("""
                        insert into connector_config (template, enabled, parameters) values (:template, :enabled, cast(:parameters as jsonb))
                        on conflict (template) do update
                           set enabled = excluded.enabled, parameters = excluded.parameters, updated_at = now()""")
                .param("template", template).param("enabled", choice.enabled())
                .param("parameters", JSON.writeValueAsString(choice.parameters())).update());
    }

    /** A city's choice for one template: on or off, and the parameters it sets itself. */
    public record Choice(boolean enabled, Map<String, String> parameters) {

        public Choice {
            parameters = Map.copyOf(parameters);
        }
    }
}
