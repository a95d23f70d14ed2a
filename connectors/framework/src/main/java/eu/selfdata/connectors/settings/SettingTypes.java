package eu.selfdata.connectors.settings;

import eu.selfdata.usecase.api.LocalizedText;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The types a template may give its settings; there is no free text type on purpose. */
public final class SettingTypes {

    private static final Map<String, Charset> CHARSETS = charsets();
    private static final Pattern FIELD = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,63}$");
    private static final Pattern ACCOUNT = Pattern.compile("^(?!.*\\.\\.)[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$");

    private SettingTypes() {}

    public static SettingType<Integer> integer(int min, int max) {
        return new IntegerSetting(min, max);
    }

    public static SettingType<Integer> port() {
        return new IntegerSetting(1, 65_535);
    }

    public static SettingType<Duration> duration(Duration min, Duration max) {
        return new DurationSetting(min, max);
    }

    /** One of the named values, listed in the order the console shows them. */
    public static <T> SettingType<T> choice(Map<String, T> values) {
        return new ChoiceSetting<>(values);
    }

    /** The character sets operators' files come in. */
    public static SettingType<Charset> charset() {
        return new ChoiceSetting<>(CHARSETS);
    }

    public static SettingType<ZoneId> timeZone() {
        return new TimeZoneSetting();
    }

    public static SettingType<URI> publicUrl() {
        return new PublicUrlSetting();
    }

    public static SettingType<String> host() {
        return new HostSetting();
    }

    public static SettingType<RelativePath> relativePath() {
        return new RelativePathSetting();
    }

    public static SettingType<Secret> secret() {
        return new SecretSetting(256);
    }

    /** A field name of a JSON record. */
    public static SettingType<String> fieldName() {
        return new TokenSetting(
                FIELD,
                new LocalizedText(
                        "un nom de champ : lettres, chiffres et _ (64 au plus), sans chiffre au début",
                        "a field name: letters, digits and _ (at most 64), not starting with a digit"));
    }

    /** An account name on a partner's server. */
    public static SettingType<String> accountName() {
        return new TokenSetting(
                ACCOUNT,
                new LocalizedText(
                        "un nom de compte : lettres, chiffres, . _ - (64 au plus)",
                        "an account name: letters, digits, . _ - (at most 64)"));
    }

    /** An MQTT topic filter below the city's tree ({@link TopicFilter}). */
    public static SettingType<TopicFilter> topicFilter() {
        return new TopicFilterSetting();
    }

    public static SettingType<SshHostKey> sshHostKey() {
        return new SshHostKeySetting();
    }

    private static Map<String, Charset> charsets() {
        Map<String, Charset> charsets = new LinkedHashMap<>();
        charsets.put("UTF-8", StandardCharsets.UTF_8);
        charsets.put("ISO-8859-1", StandardCharsets.ISO_8859_1);
        charsets.put("ISO-8859-15", Charset.forName("ISO-8859-15"));
        charsets.put("windows-1252", Charset.forName("windows-1252"));
        charsets.put("UTF-16", StandardCharsets.UTF_16);
        return charsets;
    }
}
