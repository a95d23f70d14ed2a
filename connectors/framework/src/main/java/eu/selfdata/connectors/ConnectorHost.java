package eu.selfdata.connectors;

import eu.selfdata.connectors.settings.InvalidSettingException;
import eu.selfdata.connectors.settings.SettingValues;
import eu.selfdata.usecase.api.CityDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one running route per (active city, template of a module the city enabled, not switched
 * off by the city), with the template's typed settings: defaults overridden by the city's choices.
 * Reconciles on start, on a timer (cities onboarded or suspended on another replica) and at once
 * after a city admin changes a connector. A choice that no longer meets its setting's rule keeps
 * that instance stopped, with the reason in its health, until the admin corrects it. Stopping a
 * route leaves its health alone (a replica shutting down, or a restart with new settings); a
 * connector the city no longer wants is forgotten there by the reconciliation.
 */
public class ConnectorHost {

    private static final Logger log = LoggerFactory.getLogger(ConnectorHost.class);

    private final CamelContext camel;
    private final Map<String, ConnectorTemplate> templates;
    private final CityDirectory cities;
    private final ConnectorConfigs configs;
    private final ConnectorHealth health;
    private final RunningConnectors running;

    public ConnectorHost(
            CamelContext camel,
            List<ConnectorTemplate> templates,
            CityDirectory cities,
            ConnectorConfigs configs,
            ConnectorHealth health,
            RunningConnectors running) {
        this.camel = camel;
        this.templates = new LinkedHashMap<>();
        templates.forEach(template -> this.templates.put(template.id(), template));
        this.cities = cities;
        this.configs = configs;
        this.health = health;
        this.running = running;
    }

    public Optional<ConnectorTemplate> template(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    /** Templates of the modules a city enabled. */
    public List<ConnectorTemplate> templatesFor(Set<String> modules) {
        return templates.values().stream()
                .filter(template -> modules.contains(template.moduleId()))
                .toList();
    }

    public Optional<ConnectorInstance> running(String city, String template) {
        return running.get(ConnectorInstance.routeId(city, template));
    }

    /**
     * The instance a city would run for a template (defaults plus its choices), running or not.
     *
     * @throws InvalidSettingException when a choice fails its rule or a required setting has none
     */
    public ConnectorInstance effective(
            String city, ConnectorTemplate template, Optional<ConnectorConfigs.Choice> choice) {
        return new ConnectorInstance(
                city,
                template.id(),
                SettingValues.of(
                        template.settings(),
                        choice.map(ConnectorConfigs.Choice::allTexts).orElse(Map.of())));
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
                Map<String, ConnectorConfigs.Choice> choices = configs.choices(city);
                Set<String> kept = new HashSet<>();
                Set<String> refused = new HashSet<>();
                for (ConnectorTemplate template : wanted) {
                    Optional<ConnectorConfigs.Choice> choice = Optional.ofNullable(choices.get(template.id()));
                    if (choice.map(ConnectorConfigs.Choice::enabled).orElse(template.enabledByDefault())) {
                        kept.add(template.id());
                        wanted(city, template, choice, refused)
                                .ifPresent(instance -> desired.put(instance.routeId(), instance));
                    }
                }
                health.reconciled(city, kept, refused);
            } catch (RuntimeException e) {
                log.warn("Connectors of {} not reconciled: {}", city, e.getMessage());
                running.all().values().stream()
                        .filter(instance -> instance.city().equals(city))
                        .forEach(instance -> desired.put(instance.routeId(), instance));
            }
        });
        for (ConnectorInstance instance : new ArrayList<>(running.all().values())) {
            if (!instance.equals(desired.get(instance.routeId()))) {
                stop(instance.routeId());
            }
        }
        desired.values().stream()
                .filter(instance -> running.get(instance.routeId()).isEmpty())
                .forEach(this::start);
        startStrandedLeaders();
    }

    /** The instance of the city's choice, or empty with the template added to {@code refused} and the reason in its health. */
    private Optional<ConnectorInstance> wanted(
            String city, ConnectorTemplate template, Optional<ConnectorConfigs.Choice> choice, Set<String> refused) {
        try {
            return Optional.of(effective(city, template, choice));
        } catch (InvalidSettingException e) {
            refused.add(template.id());
            if (health.refuse(city, template.id(), e.getMessage())) {
                log.warn(
                        "Connector {} not started: {}", ConnectorInstance.routeId(city, template.id()), e.getMessage());
            }
            return Optional.empty();
        }
    }

    /**
     * Camel's ClusteredRoutePolicy starts a route when its replica takes the lead, and skips a route
     * not yet startable at that instant (one added while the policy takes the lead); no later leadership
     * event comes while the lead is kept, so such a route would stay stopped on the leading replica.
     */
    private void startStrandedLeaders() {
        for (String routeId : running.all().keySet()) {
            Route route = camel.getRoute(routeId);
            boolean led = route != null
                    && route.getRoutePolicyList().stream()
                            .anyMatch(
                                    policy -> policy instanceof ClusteredRoutePolicy clustered && clustered.isLeader());
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
        new ArrayList<>(running.all().keySet()).forEach(this::stop);
    }

    /** The source endpoint is built by the template from typed values and registered under a URI of constants and the slug. */
    private void start(ConnectorInstance instance) {
        String uri = ConnectorTemplate.sourceUri(instance.city(), instance.template());
        try {
            Endpoint source = templates.get(instance.template()).source(instance, uri);
            if (source instanceof ScheduledPollEndpoint polled) {
                polled.setPollStrategy(new SourceFailures(health, instance.routeId()));
            }
            camel.addEndpoint(uri, source);
            running.put(instance);
            TemplatedRouteBuilder.builder(camel, instance.template())
                    .routeId(instance.routeId())
                    .parameter(ConnectorTemplate.CITY_PARAMETER, instance.city())
                    .add();
            health.started(instance);
            log.info("Connector {} started", instance.routeId());
        } catch (Exception e) {
            log.warn("Connector {} could not start: {}", instance.routeId(), e.getMessage());
            removeRoute(instance.routeId());
            running.remove(instance.routeId());
            health.startFailed(instance, e);
        }
    }

    private void stop(String routeId) {
        removeRoute(routeId);
        running.remove(routeId);
        log.info("Connector {} stopped", routeId);
    }

    private void removeRoute(String routeId) {
        try {
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
            Optional<ConnectorInstance> instance = running.get(routeId);
            if (instance.isPresent()) {
                camel.removeEndpoints(ConnectorTemplate.sourceUri(
                        instance.get().city(), instance.get().template()));
            }
        } catch (Exception e) {
            log.warn("Connector route {} did not stop cleanly", routeId, e);
        }
    }
}
