package eu.selfdata.connectors.settings;

/** A value missing or not meeting its setting's rule; the admin API answers 400 naming the setting and the rule. */
public class InvalidSettingException extends RuntimeException {

    private final transient Setting<?> setting;
    private final boolean missing;

    public InvalidSettingException(Setting<?> setting, boolean missing) {
        super("setting '" + setting.name() + "' " + (missing ? "is required: " : "must be ")
                + setting.type().rule().en());
        this.setting = setting;
        this.missing = missing;
    }

    public Setting<?> setting() {
        return setting;
    }

    public boolean missing() {
        return missing;
    }
}
