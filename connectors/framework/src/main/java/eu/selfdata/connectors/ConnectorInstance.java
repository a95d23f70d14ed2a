package eu.selfdata.connectors;

import eu.selfdata.connectors.settings.Setting;
import eu.selfdata.connectors.settings.SettingValues;
import eu.selfdata.contract.CitySlug;
import java.util.Objects;

/**
 * One template running for one city with that city's typed settings; its route id is
 * {@code {city}.{template}}. Two instances are equal when city, template and every value are.
 */
public record ConnectorInstance(String city, String template, SettingValues settings) {

    public ConnectorInstance {
        CitySlug.of(city);
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(settings, "settings");
    }

    public String routeId() {
        return routeId(city, template);
    }

    public static String routeId(String city, String template) {
        return city + "." + template;
    }

    public <T> T get(Setting<T> setting) {
        return settings.get(setting);
    }
}
