package eu.selfdata.connectors.settings;

import eu.selfdata.usecase.api.LocalizedText;

/** A password: printable characters, encrypted at rest, never shown back. */
record SecretSetting(int maxLength) implements SettingType<Secret> {

    @Override
    public Secret parse(String text) {
        if (text.length() > maxLength) {
            throw new IllegalArgumentException("too long");
        }
        return new Secret(text);
    }

    @Override
    public String format(Secret value) {
        return value.value();
    }

    @Override
    public LocalizedText rule() {
        return new LocalizedText(
                "un secret de 1 à " + maxLength + " caractères imprimables",
                "a secret of 1 to " + maxLength + " printable characters");
    }

    @Override
    public Input input() {
        return Input.PASSWORD;
    }

    @Override
    public boolean secret() {
        return true;
    }
}
