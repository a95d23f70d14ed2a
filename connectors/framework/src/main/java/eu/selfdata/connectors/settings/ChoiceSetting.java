package eu.selfdata.connectors.settings;

import eu.selfdata.usecase.api.LocalizedText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One of a fixed list of named values (a delimiter, a character set...). */
record ChoiceSetting<T>(Map<String, T> values) implements SettingType<T> {

    ChoiceSetting {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a choice needs values");
        }
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public T parse(String text) {
        T value = values.get(text);
        if (value == null) {
            throw new IllegalArgumentException("not one of the choices");
        }
        return value;
    }

    @Override
    public String format(T value) {
        return values.entrySet().stream()
                .filter(entry -> entry.getValue().equals(value))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not one of the choices: " + value));
    }

    @Override
    public LocalizedText rule() {
        String list = String.join(", ", values.keySet());
        return new LocalizedText("une valeur parmi : " + list, "one of: " + list);
    }

    @Override
    public Input input() {
        return Input.CHOICE;
    }

    @Override
    public List<String> choices() {
        return List.copyOf(values.keySet());
    }
}
