package eu.selfdata.connectors.mqtt;

import eu.selfdata.connectors.MqttBroker;
import java.util.function.Supplier;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * One topic subscription on one broker under one client id (the persistent session's name).
 * {@code login} gives the connect options for each connection (broker TLS, account), so a changed
 * password is used at the next connection.
 */
public class MqttEndpoint extends DefaultEndpoint {

    private final MqttBroker broker;
    private final String topicFilter;
    private final String clientId;
    private final Supplier<MqttConnectOptions> login;

    MqttEndpoint(
            String uri,
            Component component,
            MqttBroker broker,
            String topicFilter,
            String clientId,
            Supplier<MqttConnectOptions> login) {
        super(uri, component);
        this.broker = broker;
        this.topicFilter = topicFilter;
        this.clientId = clientId;
        this.login = login;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("connectors only consume MQTT");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        MqttConsumer consumer = new MqttConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    String topicFilter() {
        return topicFilter;
    }

    String brokerUrl() {
        return broker.url();
    }

    String clientId() {
        return clientId;
    }

    MqttConnectOptions connectOptions() {
        return login.get();
    }
}
