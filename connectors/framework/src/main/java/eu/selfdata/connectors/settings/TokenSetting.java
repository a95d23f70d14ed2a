package eu.selfdata.connectors.settings;

import eu.selfdata.usecase.api.LocalizedText;
import java.util.regex.Pattern;

/** A short name from a fixed alphabet (a JSON field, an account name), given with its rule. */
record TokenSetting(Pattern pattern, LocalizedText rule) implements SettingType<String> {

    @Override
    public String parse(String text) {
        if (!pattern.matcher(text).matches()) {
            throw new IllegalArgumentException("does not match");
        }
        return text;
    }

    @Override
    public String format(String value) {
        return value;
    }
}
