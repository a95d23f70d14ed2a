package eu.selfdata.connectors;

import eu.selfdata.connectors.outbound.OutboundGuard;
import eu.selfdata.connectors.settings.InvalidSettingException;
import eu.selfdata.connectors.settings.Secret;
import eu.selfdata.connectors.settings.Setting;
import eu.selfdata.connectors.settings.SettingValues;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CityDirectory;
import eu.selfdata.usecase.api.CityStaff;
import eu.selfdata.usecase.api.CommonProblems;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.web.ErrorResponseException;

/**
 * What a city admin may do with the city's connectors: read them with their settings and health,
 * change settings (each checked against its type), and retry or discard dead letters. Always in the
 * city of the request, for its admins only; the REST API and the admin console both go through here.
 */
public class ConnectorAdministration {

    private final CityDatabase city;
    private final CityStaff staff;
    private final ConnectorHost host;
    private final ConnectorConfigs configs;
    private final ConnectorHealth health;
    private final DeadLetters deadLetters;
    private final CityDirectory directory;
    private final OutboundGuard outbound;

    ConnectorAdministration(
            CityDatabase city,
            CityStaff staff,
            ConnectorHost host,
            ConnectorConfigs configs,
            ConnectorHealth health,
            DeadLetters deadLetters,
            CityDirectory directory,
            OutboundGuard outbound) {
        this.city = city;
        this.staff = staff;
        this.host = host;
        this.configs = configs;
        this.health = health;
        this.deadLetters = deadLetters;
        this.directory = directory;
        this.outbound = outbound;
    }

    public List<ConnectorView> list() {
        String slug = requireAdmin();
        Map<String, ConnectorConfigs.Choice> choices = configs.choices(slug);
        List<Map<String, Object>> states = health.ofCity(slug);
        return host.templatesFor(modules(slug)).stream()
                .map(template -> view(template, Optional.ofNullable(choices.get(template.id())), states))
                .toList();
    }

    /**
     * Applies a change: settings named get the new text (an empty text returns a setting to its
     * default, or removes a secret), settings not named keep theirs.
     *
     * @throws ErrorResponseException 400 {@code invalid-setting} naming the setting and its rule; nothing is saved then
     */
    public ConnectorView configure(String templateId, ConnectorChange change) {
        String slug = requireAdmin();
        ConnectorTemplate template = host.template(templateId)
                .filter(t -> modules(slug).contains(t.moduleId()))
                .orElseThrow(() -> CommonProblems.NOT_FOUND.exception("No connector " + templateId + " in this city"));
        Optional<ConnectorConfigs.Choice> previous = configs.choice(slug, templateId);
        Map<String, String> texts =
                new HashMap<>(previous.map(ConnectorConfigs.Choice::texts).orElse(Map.of()));
        Map<String, Secret> secrets =
                new HashMap<>(previous.map(ConnectorConfigs.Choice::secrets).orElse(Map.of()));
        Map<String, Setting<?>> declared = new LinkedHashMap<>();
        template.settings().forEach(setting -> declared.put(setting.name(), setting));
        change.settings().forEach((name, text) -> {
            Setting<?> setting = declared.get(name);
            if (setting == null) {
                throw ConnectorProblems.INVALID_SETTING.exception(
                        "Unknown setting '" + name + "' for " + templateId + "; known: " + declared.keySet());
            }
            boolean cleared = text == null || text.isBlank();
            if (setting.type().secret()) {
                if (cleared) {
                    secrets.remove(name);
                } else {
                    secrets.put(name, (Secret) invalidAsProblem(() -> setting.parse(text)));
                }
            } else if (cleared) {
                texts.remove(name);
            } else {
                texts.put(name, checkedText(slug, setting, text));
            }
        });
        boolean enabled = Optional.ofNullable(change.enabled())
                .orElse(previous.map(ConnectorConfigs.Choice::enabled).orElse(template.enabledByDefault()));
        ConnectorConfigs.Choice choice = new ConnectorConfigs.Choice(enabled, texts, secrets);
        if (enabled) {
            invalidAsProblem(() -> SettingValues.of(template.settings(), choice.allTexts()));
        }
        configs.save(slug, templateId, choice);
        host.reconcile();
        return view(template, Optional.of(choice), health.ofCity(slug));
    }

    public List<DeadLetter> deadLetters(Optional<String> template, Optional<String> status, int limit) {
        String slug = requireAdmin();
        Optional<DeadLetter.Status> wanted;
        try {
            wanted = status.map(s -> DeadLetter.Status.valueOf(s.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw CommonProblems.INVALID_REQUEST.exception("status is one of OPEN, RETRIED, DISCARDED");
        }
        if (limit < 1 || limit > 1_000) {
            throw CommonProblems.INVALID_REQUEST.exception("limit is between 1 and 1000");
        }
        return deadLetters.list(slug, template, wanted, limit);
    }

    public DeadLetter deadLetter(long id) {
        return find(requireAdmin(), id);
    }

    /** Processes the record again, as stored or as corrected. */
    public DeadLetter retry(long id, Optional<String> correctedRecord) {
        String slug = requireAdmin();
        DeadLetter letter = open(slug, id);
        ConnectorTemplate template = host.template(letter.template())
                .orElseThrow(
                        () -> CommonProblems.NOT_FOUND.exception("No connector " + letter.template() + " any more"));
        ConnectorInstance instance = host.running(slug, template.id())
                .orElseGet(() ->
                        invalidAsProblem(() -> host.effective(slug, template, configs.choice(slug, template.id()))));
        try {
            template.replay(instance, letter, correctedRecord.orElse(letter.record()));
        } catch (RuntimeException e) {
            deadLetters.failedAgain(slug, id, DeadLetters.reason(e));
            throw ConnectorProblems.RETRY_FAILED.exception(DeadLetters.reason(e));
        }
        deadLetters.resolve(slug, id, DeadLetter.Status.RETRIED);
        return find(slug, id);
    }

    public DeadLetter discard(long id) {
        String slug = requireAdmin();
        open(slug, id);
        deadLetters.resolve(slug, id, DeadLetter.Status.DISCARDED);
        return find(slug, id);
    }

    private DeadLetter open(String slug, long id) {
        DeadLetter letter = find(slug, id);
        if (letter.status() != DeadLetter.Status.OPEN) {
            throw ConnectorProblems.DEAD_LETTER_CLOSED.exception(
                    "Dead letter " + id + " is already " + letter.status());
        }
        return letter;
    }

    private DeadLetter find(String slug, long id) {
        return deadLetters
                .find(slug, id)
                .orElseThrow(() -> CommonProblems.NOT_FOUND.exception("No dead letter " + id + " in this city"));
    }

    private Set<String> modules(String slug) {
        return directory.activeCitiesWithModules().getOrDefault(slug, Set.of());
    }

    private String requireAdmin() {
        staff.requireAdmin();
        return city.city();
    }

    /** The stored text of a value that meets its rule and names no host the platform may not call. */
    private <T> String checkedText(String slug, Setting<T> setting, String text) {
        T value = invalidAsProblem(() -> setting.parse(text));
        reachable(slug, setting, value);
        return setting.format(value);
    }

    /** A host the value would make the platform call, refused at once when that is clear before any lookup. */
    private <T> void reachable(String slug, Setting<T> setting, T value) {
        setting.type()
                .host(value)
                .flatMap(host -> outbound.refusalWithoutLookup(slug, host))
                .ifPresent(refusal -> {
                    throw invalidSetting(
                            setting,
                            "setting '" + setting.name() + "' names a host the platform may not call: " + refusal);
                });
    }

    private static <T> T invalidAsProblem(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidSettingException e) {
            throw invalidSetting(e.setting(), e.getMessage());
        }
    }

    /** 400 {@code invalid-setting}, naming the setting and its rule in both languages for the form that shows it. */
    private static ErrorResponseException invalidSetting(Setting<?> setting, String detail) {
        ErrorResponseException problem = ConnectorProblems.INVALID_SETTING.exception(detail);
        problem.getBody().setProperty("setting", setting.name());
        problem.getBody().setProperty("rule", setting.type().rule().en());
        problem.getBody().setProperty("ruleFr", setting.type().rule().fr());
        return problem;
    }

    private ConnectorView view(
            ConnectorTemplate template, Optional<ConnectorConfigs.Choice> choice, List<Map<String, Object>> states) {
        Map<String, String> texts = choice.map(ConnectorConfigs.Choice::texts).orElse(Map.of());
        Set<String> secretsSet = choice.map(c -> c.secrets().keySet()).orElse(Set.of());
        List<SettingView> settings = template.settings().stream()
                .map(setting -> new SettingView(
                        setting.name(),
                        setting.label().fr(),
                        setting.label().en(),
                        setting.type().input().name(),
                        setting.type().rule().fr(),
                        setting.type().rule().en(),
                        setting.type().choices(),
                        setting.required(),
                        setting.type().secret(),
                        setting.type().secret() ? null : texts.get(setting.name()),
                        setting.defaultValue() == null ? null : setting.format(setting.defaultValue()),
                        setting.type().secret() && secretsSet.contains(setting.name())))
                .toList();
        Map<String, Object> state = states.stream()
                .filter(s -> template.id().equals(s.get("template")))
                .findFirst()
                .orElse(Map.of("status", "NOT_RUNNING"));
        return new ConnectorView(
                template.id(),
                template.moduleId(),
                choice.map(ConnectorConfigs.Choice::enabled).orElse(template.enabledByDefault()),
                settings,
                state);
    }

    public record ConnectorView(
            String template, String module, boolean enabled, List<SettingView> settings, Map<String, Object> health) {}

    /**
     * One setting as the admin reads it: its type and rule, the city's text ({@code value}, null when
     * the default applies) and the default. A secret's value is never given back, only whether one is set.
     */
    public record SettingView(
            String name,
            String labelFr,
            String labelEn,
            String input,
            String ruleFr,
            String ruleEn,
            List<String> choices,
            boolean required,
            boolean secret,
            String value,
            String defaultValue,
            boolean secretSet) {}

    /** A change to a city's connector: on or off (unchanged when absent), and setting texts by name. */
    public record ConnectorChange(Boolean enabled, Map<String, String> settings) {

        public ConnectorChange {
            settings = settings == null ? Map.of() : new HashMap<>(settings);
        }
    }
}
