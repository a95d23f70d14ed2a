package eu.selfdata.connectors.settings;

import eu.selfdata.contract.CitySlug;
import java.util.regex.Pattern;

/**
 * An MQTT topic filter relative to a city's topic tree, e.g. {@code bins/+/fill}; the platform
 * subscribes to it under {@code {city}/} only. Levels are {@code [A-Za-z0-9_-]{1,64}} or {@code +},
 * {@code #} only as the last one, at most {@value #MAX_LEVELS} levels: no empty level, no leading
 * {@code /}, no {@code $} topics, nothing a broker could read as another city's tree.
 */
public record TopicFilter(String relative) {

    public static final int MAX_LEVELS = 8;
    private static final Pattern LEVEL = Pattern.compile("[A-Za-z0-9_-]{1,64}|\\+");

    public TopicFilter {
        if (relative == null || relative.isEmpty()) {
            throw new IllegalArgumentException("an MQTT topic filter is needed, e.g. bins/+/fill");
        }
        String[] levels = relative.split("/", -1);
        if (levels.length > MAX_LEVELS) {
            throw new IllegalArgumentException("an MQTT topic filter has at most " + MAX_LEVELS + " levels");
        }
        for (int i = 0; i < levels.length; i++) {
            boolean lastWildcard = i == levels.length - 1 && levels[i].equals("#");
            if (!lastWildcard && !LEVEL.matcher(levels[i]).matches()) {
                throw new IllegalArgumentException("MQTT topic filter level " + (i + 1)
                        + " must be 1 to 64 of A-Z a-z 0-9 _ -, or + (# only as the last level)");
            }
        }
    }

    /** The filter in the city's tree: {@code {city}/{relative}}. */
    public String under(String city) {
        return CitySlug.of(city).value() + "/" + relative;
    }
}
