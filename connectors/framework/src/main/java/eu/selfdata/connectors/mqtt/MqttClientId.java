package eu.selfdata.connectors.mqtt;

import eu.selfdata.contract.CitySlug;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An MQTT client id bound to a city: {@code {city}_{name}}. The client id names a persistent
 * session, so the platform's broker accepts a client id only from the account of the city it starts
 * with. The separator is {@code _} because slugs cannot contain it: with {@code -}, {@code lyon-}
 * would also prefix every client id of {@code lyon-sud}.
 */
public record MqttClientId(String city, String name) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    public MqttClientId {
        CitySlug.of(city);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an MQTT client name is 1 to 100 of A-Z a-z 0-9 _ -: " + name);
        }
    }

    /**
     * The client id of the platform's own subscription for a template: {@code {city}_selfdata-{template}-{tag}},
     * the tag a keyed hash of city and template. On a broker that cannot tie client ids to accounts
     * (mosquitto), another city's account could otherwise take over the subscription's persistent
     * session by naming it; it cannot name what it cannot compute.
     */
    public static MqttClientId platform(String city, String templateId, String tag) {
        return new MqttClientId(city, "selfdata-" + templateId + "-" + tag);
    }

    /** The city a client id belongs to, or empty when it does not follow {@code {city}_{name}}. */
    public static Optional<MqttClientId> parse(String clientId) {
        int separator = clientId == null ? -1 : clientId.indexOf('_');
        if (separator < 0) {
            return Optional.empty();
        }
        String city = clientId.substring(0, separator);
        String name = clientId.substring(separator + 1);
        return CitySlug.isValid(city) && NAME.matcher(name).matches()
                ? Optional.of(new MqttClientId(city, name))
                : Optional.empty();
    }

    public String value() {
        return city + "_" + name;
    }

    @Override
    public String toString() {
        return value();
    }
}
