package eu.selfdata.connectors;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One health indicator per running connector instance ({@code /actuator/health/connectors/{route id}}
 * for the coordinator, {@code /api/connectors} for the city admin): last success, last error,
 * backlog at the source and open dead letters. A failing instance is DEGRADED, not DOWN: one city's
 * broken feed must not take the service out of its load balancer.
 */
public class ConnectorHealth implements CompositeHealthContributor {

    // Health contributor "connectors": /actuator/health/connectors/{route id}.
    public static final String BEAN = "connectorsHealthContributor";
    public static final Status DEGRADED = new Status("DEGRADED");

    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final DeadLetters deadLetters;
    private final Function<String, Optional<ConnectorTemplate>> templates;
    private final Clock clock;

    ConnectorHealth(DeadLetters deadLetters, Function<String, Optional<ConnectorTemplate>> templates, Clock clock) {
        this.deadLetters = deadLetters;
        this.templates = templates;
        this.clock = clock;
    }

    void started(ConnectorInstance instance) {
        instances.put(instance.routeId(), new Instance(instance.city(), instance.template(), instance));
    }

    /**
     * The city's choices for a template fail their rules: nothing runs, the reason shows as its last error.
     *
     * @return whether this is news (not the reason already shown)
     */
    boolean refuse(String city, String template, String reason) {
        String routeId = ConnectorInstance.routeId(city, template);
        Instance known = instances.get(routeId);
        if (known != null && known.instance == null && reason.equals(known.lastErrorMessage)) {
            return false;
        }
        Instance state = new Instance(city, template, null);
        state.fail(clock.instant(), reason);
        instances.put(routeId, state);
        return true;
    }

    /** The instance stopped; a refusal recorded for the route stays until the settings are corrected. */
    void stopped(String routeId) {
        instances.computeIfPresent(routeId, (id, state) -> state.instance == null ? state : null);
    }

    /** The instance could not even start (bad parameters, unreachable source). */
    /** Forgets refusals not repeated by the last reconciliation (corrected, or no longer wanted). */
    void keepRefusals(Set<String> routeIds) {
        instances.entrySet().removeIf(entry -> entry.getValue().instance == null && !routeIds.contains(entry.getKey()));
    }

    void startFailed(ConnectorInstance instance, Exception cause) {
        Instance state = new Instance(instance.city(), instance.template(), instance);
        state.fail(clock.instant(), DeadLetters.reason(cause));
        instances.put(instance.routeId(), state);
    }

    public void succeeded(Exchange exchange) {
        Optional.ofNullable(instances.get(exchange.getFromRouteId()))
                .ifPresent(state -> state.succeed(clock.instant()));
    }

    /** The source could not be polled (no message exists to dead-letter). */
    void sourceFailed(String routeId, Exception cause) {
        Optional.ofNullable(instances.get(routeId))
                .ifPresent(state -> state.fail(clock.instant(), DeadLetters.reason(cause)));
    }

    public void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Optional.ofNullable(instances.get(exchange.getFromRouteId()))
                .ifPresent(state -> state.fail(clock.instant(), DeadLetters.reason(cause)));
    }

    /** Health of one city's instances, for its admin. */
    public List<Map<String, Object>> ofCity(String city) {
        return instances.values().stream()
                .filter(state -> state.city.equals(city))
                .map(state -> state.details(health(state)))
                .toList();
    }

    public Optional<Health> of(String routeId) {
        return Optional.ofNullable(instances.get(routeId)).map(this::health);
    }

    @Override
    public HealthContributor getContributor(String name) {
        Instance state = instances.get(name);
        return state == null ? null : (HealthIndicator) () -> health(state);
    }

    @Override
    public Stream<HealthContributors.Entry> stream() {
        return instances.keySet().stream()
                .sorted()
                .map(name -> new HealthContributors.Entry(name, getContributor(name)))
                .filter(entry -> entry.contributor() != null);
    }

    private Health health(Instance state) {
        Health.Builder builder = state.healthy() ? Health.up() : Health.status(DEGRADED);
        state.details(null).forEach((key, value) -> {
            if (value != null) {
                builder.withDetail(key, value);
            }
        });
        if (state.instance != null) {
            templates.apply(state.template).ifPresent(template -> {
                OptionalLong backlog = template.backlog(state.instance);
                backlog.ifPresent(count -> builder.withDetail("backlog", count));
            });
        }
        try {
            builder.withDetail("openDeadLetters", deadLetters.countOpen(state.city, state.template));
        } catch (RuntimeException e) {
            builder.withDetail("openDeadLetters", "unavailable: " + e.getMessage());
        }
        return builder.build();
    }

    /** One instance's state; {@code instance} is null when the city's settings were refused and nothing runs. */
    private static final class Instance {

        private final String city;
        private final String template;
        private final ConnectorInstance instance;
        private final AtomicLong succeeded = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private volatile Instant lastSuccess;
        private volatile Instant lastError;
        private volatile String lastErrorMessage;

        Instance(String city, String template, ConnectorInstance instance) {
            this.city = city;
            this.template = template;
            this.instance = instance;
        }

        void succeed(Instant at) {
            succeeded.incrementAndGet();
            lastSuccess = at;
        }

        void fail(Instant at, String message) {
            failed.incrementAndGet();
            lastError = at;
            lastErrorMessage = message;
        }

        boolean healthy() {
            return lastError == null || (lastSuccess != null && lastSuccess.isAfter(lastError));
        }

        Map<String, Object> details(Health health) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("city", city);
            details.put("template", template);
            if (health != null) {
                details.put("status", health.getStatus().getCode());
                details.putAll(health.getDetails());
            }
            details.put("lastSuccess", lastSuccess);
            details.put("lastError", lastError);
            details.put("lastErrorMessage", lastErrorMessage);
            details.put("succeeded", succeeded.get());
            details.put("failed", failed.get());
            return details;
        }
    }
}
