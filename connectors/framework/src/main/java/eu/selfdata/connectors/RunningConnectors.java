package eu.selfdata.connectors;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * The instances running in this process by route id. Each route's first step attaches its
 * instance to the exchange, so a template's steps read the city and its typed settings from there
 * ({@link ConnectorTemplate#instance}), never from text placed in the route.
 */
public class RunningConnectors {

    public static final String BEAN = "selfdataRunningConnectors";

    private final Map<String, ConnectorInstance> instances = new ConcurrentHashMap<>();

    void put(ConnectorInstance instance) {
        instances.put(instance.routeId(), instance);
    }

    void remove(String routeId) {
        instances.remove(routeId);
    }

    Optional<ConnectorInstance> get(String routeId) {
        return Optional.ofNullable(instances.get(routeId));
    }

    Map<String, ConnectorInstance> all() {
        return Map.copyOf(instances);
    }

    /** Route step: the exchange gets its instance, the city and template headers. */
    public void attach(Exchange exchange) {
        ConnectorInstance instance = get(exchange.getFromRouteId())
                .orElseThrow(() ->
                        new IllegalStateException("no connector instance for route " + exchange.getFromRouteId()));
        exchange.setProperty(ConnectorTemplate.INSTANCE, instance);
        exchange.getIn().setHeader(ConnectorTemplate.CITY, instance.city());
        exchange.getIn().setHeader(ConnectorTemplate.TEMPLATE, instance.template());
    }
}
