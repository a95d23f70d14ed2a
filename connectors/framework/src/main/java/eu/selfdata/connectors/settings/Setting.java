package eu.selfdata.connectors.settings;

import eu.selfdata.usecase.api.LocalizedText;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One setting a connector template lets the city admin give: its name, type with bounds, default
 * (none: the admin must give it before the connector can run) and label.
 */
public record Setting<T>(String name, SettingType<T> type, T defaultValue, LocalizedText label) {

    private static final Pattern NAME = Pattern.compile("^[a-z][a-zA-Z0-9]{1,39}$");
    /** Longer text is refused before any type reads it. */
    static final int MAX_TEXT = 2_000;

    public Setting {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a setting name matches " + NAME + ": " + name);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
        if (defaultValue != null && type.secret()) {
            throw new IllegalArgumentException("a secret setting has no default: " + name);
        }
    }

    public static <T> Setting<T> of(String name, SettingType<T> type, T defaultValue, String labelFr, String labelEn) {
        return new Setting<>(name, type, defaultValue, new LocalizedText(labelFr, labelEn));
    }

    /** A setting the admin must give before the connector runs. */
    public static <T> Setting<T> required(String name, SettingType<T> type, String labelFr, String labelEn) {
        return of(name, type, null, labelFr, labelEn);
    }

    public boolean required() {
        return defaultValue == null;
    }

    /**
     * The typed value of an admin's text.
     *
     * @throws InvalidSettingException naming this setting and its rule
     */
    public T parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new InvalidSettingException(this, false);
        }
        String trimmed = text.strip();
        boolean multiline = type.input() == SettingType.Input.MULTILINE;
        if (trimmed.chars()
                .anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')))) {
            throw new InvalidSettingException(this, false);
        }
        try {
            return Objects.requireNonNull(type.parse(trimmed));
        } catch (RuntimeException e) {
            throw new InvalidSettingException(this, false);
        }
    }

    @SuppressWarnings("unchecked")
    public String format(Object value) {
        return type.format((T) value);
    }
}
