package eu.selfdata.connectors.settings;

import eu.selfdata.usecase.api.LocalizedText;
import java.util.regex.Pattern;

/** A whole number within bounds (e.g. a port). */
record IntegerSetting(int min, int max) implements SettingType<Integer> {

    private static final Pattern DIGITS = Pattern.compile("^-?[0-9]{1,10}$");

    IntegerSetting {
        if (min > max) {
            throw new IllegalArgumentException("min > max");
        }
    }

    @Override
    public Integer parse(String text) {
        if (!DIGITS.matcher(text).matches()) {
            throw new IllegalArgumentException("not an integer");
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw new IllegalArgumentException("out of range");
        }
        return (int) value;
    }

    @Override
    public String format(Integer value) {
        return Integer.toString(value);
    }

    @Override
    public LocalizedText rule() {
        return new LocalizedText("un nombre entier de " + min + " à " + max, "an integer from " + min + " to " + max);
    }

    @Override
    public Input input() {
        return Input.NUMBER;
    }
}
