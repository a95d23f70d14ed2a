package eu.selfdata.connectors;

import eu.selfdata.usecase.api.CityDatabase;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The city admin's view of the city's connectors: configuration, health, and the dead letters to
 * retry (possibly corrected) or discard. Everything is read in the city of the request only. Public
 * so that the host's admin console renders the same answers server-side, with the same checks.
 */
@RestController
@RequestMapping("/api/connectors")
public class ConnectorAdminController {

    static final String SECRET_MASK = "********";
    private static final int MAX_VALUE = 1_000;

    private final CityDatabase city;
    private final ConnectorHost host;
    private final ConnectorConfigs configs;
    private final ConnectorHealth health;
    private final DeadLetters deadLetters;
    private final CityDirectory directory;

    ConnectorAdminController(CityDatabase city, ConnectorHost host, ConnectorConfigs configs, ConnectorHealth health,
                             DeadLetters deadLetters, CityDirectory directory) {
        this.city = city;
        this.host = host;
        this.configs = configs;
        this.health = health;
        this.deadLetters = deadLetters;
        this.directory = directory;
    }

    @GetMapping
    public List<ConnectorView> list() {
        String slug = requireAdmin();
        Map<String, ConnectorConfigs.Choice> choices = configs.overrides(slug);
        List<Map<String, Object>> states = health.ofCity(slug);
        return host.templatesFor(directory.activeCitiesWithModules().getOrDefault(slug, java.util.Set.of())).stream()
                .map(template -> view(slug, template, Optional.ofNullable(choices.get(template.id())), states)).toList();
    }

    @PutMapping("/{template}")
    ConnectorView configure(@PathVariable String template, @RequestBody ConnectorChange change) {
        String slug = requireAdmin();
        ConnectorTemplate known = host.template(template).filter(t -> enabledHere(slug, t))
                .orElseThrow(() -> Problems.notFound("No connector " + template + " in this city"));
        Map<String, String> defaults = known.defaults(slug);
        Map<String, String> previous = Optional.ofNullable(configs.overrides(slug).get(template))
                .map(ConnectorConfigs.Choice::parameters).orElse(Map.of());
        Map<String, String> parameters = new HashMap<>();
        Map<String, String> requested = change.parameters() == null ? Map.of() : change.parameters();
        requested.forEach((name, value) -> {
            if (!defaults.containsKey(name)) {
                throw Problems.invalid("Unknown parameter '" + name + "' for " + template + "; known: " + defaults.keySet());
            }
            if (value == null || value.isBlank() || value.length() > MAX_VALUE) {
                throw Problems.invalid("Parameter '" + name + "' needs a value of at most " + MAX_VALUE + " characters");
            }
            boolean keepSecret = known.secretParameters().contains(name) && SECRET_MASK.equals(value);
            if (keepSecret) {
                Optional.ofNullable(previous.get(name)).ifPresent(old -> parameters.put(name, old));
            } else {
                parameters.put(name, value);
            }
        });
        configs.save(slug, template, new ConnectorConfigs.Choice(change.enabled() == null || change.enabled(), parameters));
        host.reconcile();
        return view(slug, known, Optional.of(configs.overrides(slug).get(template)), health.ofCity(slug));
    }

    @GetMapping("/dead-letters")
    public List<DeadLetter> deadLetters(@RequestParam Optional<String> template, @RequestParam Optional<String> status,
                                 @RequestParam(defaultValue = "100") int limit) {
        String slug = requireAdmin();
        Optional<DeadLetter.Status> wanted;
        try {
            wanted = status.map(s -> DeadLetter.Status.valueOf(s.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("status is one of OPEN, RETRIED, DISCARDED");
        }
        if (limit < 1 || limit > 1_000) {
            throw Problems.invalid("limit is between 1 and 1000");
        }
        return deadLetters.list(slug, template, wanted, limit);
    }

    @GetMapping("/dead-letters/{id}")
    DeadLetter deadLetter(@PathVariable long id) {
        return find(requireAdmin(), id);
    }

    /** Processes the record again, as stored or as corrected in the body's {@code record}. */
    @PostMapping("/dead-letters/{id}/retry")
    public DeadLetter retry(@PathVariable long id, @RequestBody(required = false) RetryRequest request) {
        String slug = requireAdmin();
        DeadLetter letter = open(slug, id);
        ConnectorTemplate template = host.template(letter.template())
                .orElseThrow(() -> Problems.notFound("No connector " + letter.template() + " any more"));
        ConnectorInstance instance = host.running(slug, template.id()).orElseGet(() ->
                host.effective(slug, template, Optional.ofNullable(configs.overrides(slug).get(template.id()))));
        String record = request != null && request.record() != null ? request.record() : letter.record();
        try {
            template.replay(instance, letter, record);
        } catch (RuntimeException e) {
            deadLetters.failedAgain(slug, id, DeadLetters.reason(e));
            throw Problems.retryFailed(DeadLetters.reason(e));
        }
        deadLetters.resolve(slug, id, DeadLetter.Status.RETRIED);
        return find(slug, id);
    }

    @PostMapping("/dead-letters/{id}/discard")
    public DeadLetter discard(@PathVariable long id) {
        String slug = requireAdmin();
        open(slug, id);
        deadLetters.resolve(slug, id, DeadLetter.Status.DISCARDED);
        return find(slug, id);
    }

    private DeadLetter open(String slug, long id) {
        DeadLetter letter = find(slug, id);
        if (letter.status() != DeadLetter.Status.OPEN) {
            throw Problems.conflict("Dead letter " + id + " is already " + letter.status());
        }
        return letter;
    }

    private DeadLetter find(String slug, long id) {
        return deadLetters.find(slug, id).orElseThrow(() -> Problems.notFound("No dead letter " + id + " in this city"));
    }

    private boolean enabledHere(String slug, ConnectorTemplate template) {
        return directory.activeCitiesWithModules().getOrDefault(slug, java.util.Set.of()).contains(template.moduleId());
    }

    private String requireAdmin() {
        CityRoles.requireAny(CityRoles.ADMIN);
        return city.city();
    }

    private ConnectorView view(String slug, ConnectorTemplate template, Optional<ConnectorConfigs.Choice> choice,
                               List<Map<String, Object>> states) {
        Map<String, String> parameters = new LinkedHashMap<>(host.effective(slug, template, choice).parameters());
        template.secretParameters().forEach(name -> parameters.computeIfPresent(name, (n, v) -> SECRET_MASK));
        Map<String, Object> state = states.stream().filter(s -> template.id().equals(s.get("template"))).findFirst()
                .orElse(Map.of("status", "NOT_RUNNING"));
        return new ConnectorView(template.id(), template.moduleId(), choice.map(ConnectorConfigs.Choice::enabled).orElse(template.enabledByDefault()),
                parameters, state);
    }

    public record ConnectorView(String template, String module, boolean enabled, Map<String, String> parameters,
                         Map<String, Object> health) {
    }

    record ConnectorChange(Boolean enabled, Map<String, String> parameters) {
    }

    public record RetryRequest(String record) {
    }
}
