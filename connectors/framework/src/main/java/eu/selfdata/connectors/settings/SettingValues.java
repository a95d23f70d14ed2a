package eu.selfdata.connectors.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed values of one connector instance: every setting of its template, each the city's
 * choice or the default. Built only from {@link Setting#parse}, so a template reads checked values.
 */
public final class SettingValues {

    private final List<Setting<?>> settings;
    private final Map<String, Object> values;

    private SettingValues(List<Setting<?>> settings, Map<String, Object> values) {
        this.settings = List.copyOf(settings);
        this.values = Map.copyOf(values);
    }

    /**
     * The values of a template's settings from the texts a city chose (names it does not declare are
     * ignored: a setting a newer template dropped).
     *
     * @throws InvalidSettingException for the first text that fails its rule, or a required setting without a value
     */
    public static SettingValues of(List<Setting<?>> settings, Map<String, String> texts) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting<?> setting : settings) {
            String text = texts.get(setting.name());
            Object value = text == null ? setting.defaultValue() : setting.parse(text);
            if (value == null) {
                throw new InvalidSettingException(setting, true);
            }
            values.put(setting.name(), value);
        }
        return new SettingValues(settings, values);
    }

    /** The value of a setting of this instance's template. */
    public <T> T get(Setting<T> setting) {
        Object value = values.get(setting.name());
        if (value == null || !settings.contains(setting)) {
            throw new IllegalArgumentException("no setting " + setting.name() + " here");
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
    }

    /** The text of each value, secrets left out, as the admin reads them. */
    public Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (Setting<?> setting : settings) {
            if (!setting.type().secret()) {
                shown.put(setting.name(), setting.format(values.get(setting.name())));
            }
        }
        return shown;
    }

    public Optional<Object> raw(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SettingValues that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
