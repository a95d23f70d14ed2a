package eu.selfdata.connectors.mqtt;

import eu.selfdata.connectors.MqttBroker;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * {@code selfdata-mqtt:{topic filter}?brokerUrl=...&clientId=...}: a QoS 1 subscription with a
 * persistent session, acknowledged only once the route processed the message. Small on purpose:
 * no Camel MQTT component resolves for Camel 4.22 here, and a consumer is all connectors need.
 * Anonymous, so the platform's broker refuses it: templates subscribe through {@link MqttSource}.
 */
public class MqttComponent extends DefaultComponent {

    public static final String SCHEME = MqttSource.SCHEME;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        String brokerUrl = getAndRemoveParameter(parameters, "brokerUrl", String.class);
        String clientId = getAndRemoveParameter(parameters, "clientId", String.class);
        if (brokerUrl == null || clientId == null || remaining.isBlank()) {
            throw new IllegalArgumentException(SCHEME + " needs a topic filter, brokerUrl and clientId: " + uri);
        }
        MqttBroker broker = new MqttBroker(brokerUrl);
        return new MqttEndpoint(uri, this, broker, remaining, clientId, broker::connectOptions);
    }
}
