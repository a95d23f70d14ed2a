package eu.selfdata.connectors;

import eu.selfdata.usecase.api.CityDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One health indicator per connector a city wants ({@code /actuator/health/connectors/{route id}} for
 * the coordinator, {@code /api/connectors} for the city admin): last success, last error, counts,
 * refused settings and open dead letters. All of it lives in the city's schema ({@link ConnectorStates}):
 * the replica that runs a route writes, and any replica answers the same, even one that runs nothing
 * (only the leader of a lock group runs a city's routes). Which connectors exist comes from the active
 * cities and their rows too, never from what runs in this JVM. The one exception is the backlog at
 * the source, which needs the instance: it is shown by a replica that holds the instance (every
 * replica does in a cluster, leader or not), and missing elsewhere.
 *
 * <p>A failing instance is DEGRADED, not DOWN: one city's broken feed must not take the service out
 * of its load balancer. Recording never fails a message: a write that fails is logged and lost.
 */
public class ConnectorHealth implements CompositeHealthContributor {

    // Health contributor "connectors": /actuator/health/connectors/{route id}.
    public static final String BEAN = "connectorsHealthContributor";
    public static final Status DEGRADED = new Status("DEGRADED");

    private static final Logger log = LoggerFactory.getLogger(ConnectorHealth.class);

    private final ConnectorStates states;
    private final CityDirectory cities;
    private final Map<String, ConnectorTemplate> templates = new LinkedHashMap<>();
    private final RunningConnectors running;

    ConnectorHealth(
            ConnectorStates states,
            CityDirectory cities,
            List<ConnectorTemplate> templates,
            RunningConnectors running) {
        this.states = states;
        this.cities = cities;
        templates.forEach(template -> this.templates.put(template.id(), template));
        this.running = running;
    }

    void started(ConnectorInstance instance) {
        record(instance.routeId(), () -> states.started(instance.city(), instance.template()));
    }

    /**
     * The city's choices for a template fail their rules: nothing runs, the reason shows as its last error.
     *
     * @return whether this is news (not the reason already shown)
     */
    boolean refuse(String city, String template, String reason) {
        try {
            return states.refused(city, template, new HealthMessage(reason));
        } catch (RuntimeException e) {
            log.warn(
                    "Refusal of connector {} not recorded: {}",
                    ConnectorInstance.routeId(city, template),
                    e.getMessage());
            return true;
        }
    }

    /**
     * A reconciliation of the city is done: connectors it no longer wants are forgotten, refusals not
     * repeated (settings corrected) too.
     *
     * @param wanted templates the city runs or would run but for refused settings
     * @param refused templates whose settings were refused
     */
    void reconciled(String city, Set<String> wanted, Set<String> refused) {
        record(city, () -> states.reconciled(city, wanted, refused));
    }

    /** The instance could not even start (bad parameters, unreachable source). */
    void startFailed(ConnectorInstance instance, Exception cause) {
        record(instance.routeId(), () -> states.failed(instance.city(), instance.template(), HealthMessage.of(cause)));
    }

    /** Route step: a message went through. */
    public void succeeded(Exchange exchange) {
        ConnectorRoute.parse(exchange.getFromRouteId())
                .ifPresent(route -> record(route.id(), () -> states.succeeded(route.city(), route.template())));
    }

    /** The source could not be polled (no message exists to dead-letter). */
    void sourceFailed(String routeId, Exception cause) {
        ConnectorRoute.parse(routeId)
                .ifPresent(route ->
                        record(routeId, () -> states.failed(route.city(), route.template(), HealthMessage.of(cause))));
    }

    /** Route step after the retries: the message failed. */
    public void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ConnectorRoute.parse(exchange.getFromRouteId())
                .ifPresent(route -> record(
                        route.id(), () -> states.failed(route.city(), route.template(), HealthMessage.of(cause))));
    }

    /**
     * Health of one city's connectors, for its admin: each as a map of city, template, status and the
     * details (null when unknown).
     */
    public List<Map<String, Object>> ofCity(String city) {
        return statesOf(city, modules(city)).map(state -> view(city, state)).toList();
    }

    public Optional<Health> of(String routeId) {
        return ConnectorRoute.parse(routeId)
                .flatMap(route -> statesOf(route.city(), modules(route.city()))
                        .filter(state -> state.template().equals(route.template()))
                        .findFirst()
                        .map(state -> health(route.city(), state)));
    }

    @Override
    public HealthContributor getContributor(String name) {
        return of(name).<HealthContributor>map(health -> (HealthIndicator) () -> health)
                .orElse(null);
    }

    /** Every active city's connectors; a city whose rows cannot be read is left out, not the others. */
    @Override
    public Stream<HealthContributors.Entry> stream() {
        Map<String, HealthContributor> entries = new TreeMap<>();
        cities.activeCitiesWithModules().forEach((city, modules) -> {
            try {
                statesOf(city, modules)
                        .forEach(state ->
                                entries.put(ConnectorInstance.routeId(city, state.template()), (HealthIndicator)
                                        () -> health(city, state)));
            } catch (RuntimeException e) {
                log.warn("Health of the connectors of {} unreadable: {}", city, e.getMessage());
            }
        });
        return entries.entrySet().stream().map(entry -> new HealthContributors.Entry(entry.getKey(), entry.getValue()));
    }

    /** Rows of the templates of the modules the city enables (a module switched off keeps none running). */
    private Stream<ConnectorState> statesOf(String city, Set<String> modules) {
        Set<String> wanted = templates.values().stream()
                .filter(template -> modules.contains(template.moduleId()))
                .map(ConnectorTemplate::id)
                .collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return Stream.empty();
        }
        return states.of(city).stream().filter(state -> wanted.contains(state.template()));
    }

    /** The modules of an active city; none for any other. */
    private Set<String> modules(String city) {
        return cities.activeCitiesWithModules().getOrDefault(city, Set.of());
    }

    private Map<String, Object> view(String city, ConnectorState state) {
        Health health = health(city, state);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("city", city);
        view.put("template", state.template());
        view.put("status", health.getStatus().getCode());
        view.putAll(details(city, state));
        view.putAll(health.getDetails());
        return view;
    }

    private Health health(String city, ConnectorState state) {
        Health.Builder builder = state.healthy() ? Health.up() : Health.status(DEGRADED);
        details(city, state).forEach((key, value) -> {
            if (value != null) {
                builder.withDetail(key, value);
            }
        });
        running.get(ConnectorInstance.routeId(city, state.template()))
                .ifPresent(instance -> Optional.ofNullable(templates.get(instance.template()))
                        .map(template -> template.backlog(instance))
                        .filter(OptionalLong::isPresent)
                        .ifPresent(backlog -> builder.withDetail("backlog", backlog.getAsLong())));
        return builder.build();
    }

    private static Map<String, Object> details(String city, ConnectorState state) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("city", city);
        details.put("template", state.template());
        details.put("lastSuccess", state.lastSuccess());
        details.put("lastError", state.lastError());
        details.put("lastErrorMessage", state.lastErrorMessage());
        details.put("succeeded", state.succeeded());
        details.put("failed", state.failed());
        details.put("refusedSettings", state.refusedSettings());
        details.put("openDeadLetters", state.openDeadLetters());
        return details;
    }

    private static void record(String what, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            log.warn("Health of connector {} not recorded: {}", what, e.getMessage());
        }
    }
}
