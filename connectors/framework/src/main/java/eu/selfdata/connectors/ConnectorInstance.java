package eu.selfdata.connectors;

import java.util.Map;
import java.util.Objects;

/** One template running for one city with that city's parameters; its route id is {@code {city}.{template}}. */
public record ConnectorInstance(String city, String template, Map<String, String> parameters) {

    public ConnectorInstance {
        new CitySchema(city);
        Objects.requireNonNull(template, "template");
        parameters = Map.copyOf(parameters);
    }

    public String routeId() {
        return routeId(city, template);
    }

    public static String routeId(String city, String template) {
        return city + "." + template;
    }

    public String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter " + name + " for " + routeId());
        }
        return value;
    }
}
