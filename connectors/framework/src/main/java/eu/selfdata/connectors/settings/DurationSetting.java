package eu.selfdata.connectors.settings;

import eu.selfdata.usecase.api.LocalizedText;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration within bounds, written {@code 500ms}, {@code 30s}, {@code 10m}, {@code 6h}, {@code 1d} or in ISO 8601 ({@code PT30S}). */
record DurationSetting(Duration min, Duration max) implements SettingType<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("^([0-9]{1,9})(ms|s|m|h|d)$");
    private static final Pattern ISO = Pattern.compile("^P[0-9DTHMS.]{1,30}$");

    DurationSetting {
        if (min.compareTo(max) > 0 || min.isNegative()) {
            throw new IllegalArgumentException("bad bounds");
        }
    }

    @Override
    public Duration parse(String text) {
        Duration value = read(text);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    private static Duration read(String text) {
        Matcher simple = SIMPLE.matcher(text);
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        if (ISO.matcher(text).matches()) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a duration");
            }
        }
        throw new IllegalArgumentException("not a duration");
    }

    @Override
    public String format(Duration value) {
        long millis = value.toMillis();
        if (millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1_000 == 0 ? millis / 1_000 + "s" : millis + "ms";
    }

    @Override
    public LocalizedText rule() {
        return new LocalizedText(
                "une durée de " + format(min) + " à " + format(max) + " (par exemple 30s, 10m, 6h, 1d)",
                "a duration from " + format(min) + " to " + format(max) + " (e.g. 30s, 10m, 6h, 1d)");
    }
}
