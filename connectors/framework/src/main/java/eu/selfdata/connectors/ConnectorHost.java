package eu.selfdata.connectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one running route per (active city, template of a module the city enabled, not switched
 * off by the city), with the template's defaults overridden by the city's choices. Reconciles on
 * start, on a timer (cities onboarded or suspended on another replica) and at once after a city
 * admin changes a connector.
 */
public class ConnectorHost {

    private static final Logger log = LoggerFactory.getLogger(ConnectorHost.class);

    private final CamelContext camel;
    private final Map<String, ConnectorTemplate> templates;
    private final CityDirectory cities;
    private final ConnectorConfigs configs;
    private final ConnectorHealth health;
    private final Map<String, ConnectorInstance> running = new ConcurrentHashMap<>();

    public ConnectorHost(CamelContext camel, List<ConnectorTemplate> templates, CityDirectory cities,
                         ConnectorConfigs configs, ConnectorHealth health) {
        this.camel = camel;
        this.templates = new LinkedHashMap<>();
        templates.forEach(template -> this.templates.put(template.id(), template));
        this.cities = cities;
        this.configs = configs;
        this.health = health;
    }

    public Optional<ConnectorTemplate> template(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    /** Templates of the modules a city enabled. */
    public List<ConnectorTemplate> templatesFor(Set<String> modules) {
        return templates.values().stream().filter(template -> modules.contains(template.moduleId())).toList();
    }

    public Optional<ConnectorInstance> running(String city, String template) {
        return Optional.ofNullable(running.get(ConnectorInstance.routeId(city, template)));
    }

    /** The instance a city would run for a template (defaults plus its choices), running or not. */
    public ConnectorInstance effective(String city, ConnectorTemplate template, Optional<ConnectorConfigs.Choice> choice) {
        Map<String, String> parameters = new HashMap<>(template.defaults(city));
        choice.ifPresent(c -> parameters.putAll(c.parameters()));
        return new ConnectorInstance(city, template.id(), parameters);
    }

    public synchronized void reconcile() {
        Map<String, ConnectorInstance> desired = new HashMap<>();
        cities.activeCitiesWithModules().forEach((city, modules) -> {
            List<ConnectorTemplate> wanted = templatesFor(modules);
            if (wanted.isEmpty()) {
                return;
            }
            try {
                if (!configs.ready(city)) {
                    return;
                }
                Map<String, ConnectorConfigs.Choice> choices = configs.overrides(city);
                for (ConnectorTemplate template : wanted) {
                    Optional<ConnectorConfigs.Choice> choice = Optional.ofNullable(choices.get(template.id()));
                    if (choice.map(ConnectorConfigs.Choice::enabled).orElse(template.enabledByDefault())) {
                        ConnectorInstance instance = effective(city, template, choice);
                        desired.put(instance.routeId(), instance);
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Connectors of {} not reconciled: {}", city, e.getMessage());
                running.values().stream().filter(instance -> instance.city().equals(city))
                        .forEach(instance -> desired.put(instance.routeId(), instance));
            }
        });
        for (ConnectorInstance instance : new ArrayList<>(running.values())) {
            if (!instance.equals(desired.get(instance.routeId()))) {
                stop(instance.routeId());
            }
        }
        desired.values().stream().filter(instance -> !running.containsKey(instance.routeId())).forEach(this::start);
        startStrandedLeaders();
    }

    /**
     * Camel's ClusteredRoutePolicy starts a route when its replica takes the lead, and skips a route
     * not yet startable at that instant (one added while the policy takes the lead); no later leadership
     * event comes while the lead is kept, so such a route would stay stopped on the leading replica.
     */
    private void startStrandedLeaders() {
        for (String routeId : running.keySet()) {
            Route route = camel.getRoute(routeId);
            boolean led = route != null && route.getRoutePolicyList().stream()
                    .anyMatch(policy -> policy instanceof ClusteredRoutePolicy clustered && clustered.isLeader());
            ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
            if (led && status != null && status.isStartable()) {
                try {
                    camel.getRouteController().startRoute(routeId);
                    log.info("Connector {} started on this replica, which leads its group", routeId);
                } catch (Exception e) {
                    log.warn("Connector {} leads but did not start: {}", routeId, e.getMessage());
                }
            }
        }
    }

    public synchronized void stopAll() {
        new ArrayList<>(running.keySet()).forEach(this::stop);
    }

    private void start(ConnectorInstance instance) {
        try {
            TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(camel, instance.template())
                    .routeId(instance.routeId())
                    .parameter(ConnectorTemplate.CITY_PARAMETER, instance.city());
            instance.parameters().forEach(builder::parameter);
            builder.add();
            running.put(instance.routeId(), instance);
            health.started(instance);
            log.info("Connector {} started", instance.routeId());
        } catch (Exception e) {
            log.warn("Connector {} could not start: {}", instance.routeId(), e.getMessage());
            removeRoute(instance.routeId());
            health.startFailed(instance, e);
        }
    }

    private void stop(String routeId) {
        removeRoute(routeId);
        running.remove(routeId);
        health.stopped(routeId);
        log.info("Connector {} stopped", routeId);
    }

    private void removeRoute(String routeId) {
        try {
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
        } catch (Exception e) {
            log.warn("Connector route {} did not stop cleanly", routeId, e);
        }
    }
}
