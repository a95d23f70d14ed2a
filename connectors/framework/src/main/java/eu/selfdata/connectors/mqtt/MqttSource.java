package eu.selfdata.connectors.mqtt;

import eu.selfdata.connectors.MqttBroker;
import eu.selfdata.connectors.settings.TopicFilter;
import eu.selfdata.contract.CitySlug;
import java.util.function.UnaryOperator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * The platform's MQTT subscription of a city, built in code: the platform's broker, the city's
 * account (username = slug, password from {@link BrokerAccounts} at each connection), the
 * platform's client id {@code {city}_selfdata-{template}-{tag}} with a persistent session, and the
 * filter under {@code {city}/}. Nothing of it comes from URI text; the endpoint's URI is only the
 * name to register it under.
 */
public class MqttSource {

    public static final String SCHEME = "selfdata-mqtt";
    /** The name of the setting holding a city's broker password, on the city's MQTT connector. */
    public static final String PASSWORD_SETTING = "brokerPassword";

    private final MqttBroker broker;
    private final BrokerAccounts accounts;
    private final UnaryOperator<String> clientIdTags;

    /** @param clientIdTags a keyed hash of {@code {city}/{template}}, unguessable without the platform's key */
    public MqttSource(MqttBroker broker, BrokerAccounts accounts, UnaryOperator<String> clientIdTags) {
        this.broker = broker;
        this.accounts = accounts;
        this.clientIdTags = clientIdTags;
    }

    /**
     * The consumer endpoint of one city's template, not yet registered: add it with
     * {@code camel.addEndpoint(endpoint.getEndpointUri(), endpoint)} before the route that consumes
     * from {@link #uri} is added. QoS 1, acknowledged once the route processed the message.
     */
    public Endpoint endpoint(CamelContext camel, String city, String templateId, TopicFilter relative) {
        MqttClientId clientId = MqttClientId.platform(
                CitySlug.of(city).value(), templateId, clientIdTags.apply(city + "/" + templateId));
        MqttEndpoint endpoint = new MqttEndpoint(
                uri(city, templateId), null, broker, relative.under(city), clientId.value(), () -> login(city));
        endpoint.setCamelContext(camel);
        return endpoint;
    }

    /**
     * {@code selfdata-mqtt://{city}/{template}}, the name {@link #endpoint} registers under; {@code city}
     * may be a route template's placeholder for its city parameter.
     */
    public static String uri(String city, String templateId) {
        return SCHEME + "://" + city + "/" + templateId;
    }

    private MqttConnectOptions login(String city) {
        MqttConnectOptions options = broker.connectOptions();
        options.setUserName(city);
        options.setPassword(accounts.password(city)
                .orElseThrow(() -> new IllegalStateException("city " + city + " has no MQTT account"))
                .toCharArray());
        return options;
    }
}
