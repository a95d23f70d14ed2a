package eu.selfdata.connectors.mqtt;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One topic subscription on one broker under one client id (the persistent session's name). */
public class MqttEndpoint extends DefaultEndpoint {

    private final String topicFilter;
    private final String brokerUrl;
    private final String clientId;

    public MqttEndpoint(String uri, MqttComponent component, String topicFilter, String brokerUrl, String clientId) {
        super(uri, component);
        this.topicFilter = topicFilter;
        this.brokerUrl = brokerUrl;
        this.clientId = clientId;
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
        return brokerUrl;
    }

    String clientId() {
        return clientId;
    }
}
