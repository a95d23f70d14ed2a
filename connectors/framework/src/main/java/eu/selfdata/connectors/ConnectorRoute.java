package eu.selfdata.connectors;

import eu.selfdata.contract.CitySlug;
import java.util.Optional;

/**
 * A connector route id, {@code {city}.{template}}, read back into its city and template: neither a
 * slug nor a template id holds a dot, so the first one splits them.
 */
record ConnectorRoute(String city, String template) {

    /** Empty unless the id is a valid slug and template id joined by a dot (it may come from a URL). */
    static Optional<ConnectorRoute> parse(String routeId) {
        int dot = routeId == null ? -1 : routeId.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String city = routeId.substring(0, dot);
        String template = routeId.substring(dot + 1);
        return CitySlug.isValid(city) && ConnectorTemplate.ID.matcher(template).matches()
                ? Optional.of(new ConnectorRoute(city, template))
                : Optional.empty();
    }

    String id() {
        return ConnectorInstance.routeId(city, template);
    }
}
