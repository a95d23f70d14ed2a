package eu.selfdata.connectors.settings;

import eu.selfdata.usecase.api.LocalizedText;
import java.util.List;
import java.util.Optional;

/**
 * The type and bounds of one connector setting: how a city admin's text becomes a typed value, and
 * the rule it must meet. Values reach routes as typed objects only (never as URI or placeholder
 * text); the types also refuse text another layer could read as syntax (placeholders, URI
 * delimiters, path traversal), so stored configuration stays clean whoever reads it later.
 *
 * @param <T> the typed value the template reads
 */
public interface SettingType<T> {

    /**
     * @param text the admin's text, trimmed, never empty
     * @throws IllegalArgumentException when the text is not a value of this type (the message is not shown: {@link #rule()} is)
     */
    T parse(String text);

    /** The text stored and shown for a value; {@link #parse} of it gives the value back. */
    String format(T value);

    /** The rule a value meets, as the city admin reads it in a refusal or beside the field. */
    LocalizedText rule();

    /** How the admin console asks for a value. */
    default Input input() {
        return Input.TEXT;
    }

    /** The allowed values, for {@link Input#CHOICE}. */
    default List<String> choices() {
        return List.of();
    }

    /** The host a value makes the platform call, for the outbound guard's check when it is saved. */
    default Optional<String> host(T value) {
        return Optional.empty();
    }

    /** Encrypted at rest and never shown back. */
    default boolean secret() {
        return false;
    }

    enum Input {
        TEXT,
        NUMBER,
        CHOICE,
        URL,
        PASSWORD,
        MULTILINE
    }
}
