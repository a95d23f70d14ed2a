package eu.selfdata.connectors.mqtt;

import eu.selfdata.connectors.ConnectorTemplate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes at QoS 1 with a persistent session (clean session off), so the broker keeps what it
 * acknowledged to publishers while we are away and sends it on reconnect. A message is acknowledged
 * (manual acks) only after the route processed it; when processing fails the consumer drops the
 * connection without acknowledging, and the broker delivers the message again once we are back.
 */
class MqttConsumer extends DefaultConsumer implements MqttCallbackExtended {

    public static final String TOPIC = "SelfdataMqttTopic";
    private static final Logger log = LoggerFactory.getLogger(MqttConsumer.class);
    private static final int QOS = 1;

    private final MqttEndpoint endpoint;
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("mqtt-reconnect").factory());
    private MqttAsyncClient client;

    MqttConsumer(MqttEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = new MqttAsyncClient(endpoint.brokerUrl(), endpoint.clientId(), new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(this);
        connect();
    }

    @Override
    protected void doStop() throws Exception {
        reconnects.shutdownNow();
        if (client != null) {
            try {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(5_000);
                }
            } finally {
                client.close(true);
            }
        }
        super.doStop();
    }

    private void connect() {
        try {
            MqttConnectOptions options = endpoint.connectOptions();
            options.setCleanSession(false);
            options.setAutomaticReconnect(true);
            options.setMaxReconnectDelay(5_000);
            options.setConnectionTimeout(10);
            client.connect(options).waitForCompletion(15_000);
        } catch (MqttException e) {
            // The broker may be down at start: try again in the background, the route still starts.
            // A refused login (no account yet, wrong password) is retried less often.
            boolean refused = e.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                    || e.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED
                    || e.getReasonCode() == MqttException.REASON_CODE_INVALID_CLIENT_ID;
            log.warn(
                    "MQTT {} {} {}: {}",
                    endpoint.brokerUrl(),
                    refused ? "refused" : "not reachable for",
                    endpoint.clientId(),
                    e.getMessage());
            reconnects.schedule(this::connect, refused ? 30 : 2, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            log.warn("MQTT {} not connected for {}: {}", endpoint.brokerUrl(), endpoint.clientId(), e.getMessage());
            reconnects.schedule(this::connect, 30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        try {
            client.subscribe(endpoint.topicFilter(), QOS);
        } catch (MqttException e) {
            log.warn("MQTT subscription to {} failed: {}", endpoint.topicFilter(), e.getMessage());
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        log.warn("MQTT connection of {} lost: {}", endpoint.clientId(), cause == null ? "" : cause.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        Exchange exchange = createExchange(false);
        exchange.getIn().setBody(message.getPayload());
        exchange.getIn().setHeader(TOPIC, topic);
        exchange.getIn().setHeader(ConnectorTemplate.SOURCE, topic);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            if (exchange.getException() == null) {
                client.messageArrivedComplete(message.getId(), message.getQos());
            } else {
                log.warn(
                        "MQTT message on {} not processed, left to the broker: {}",
                        topic,
                        exchange.getException().getMessage());
                reconnects.execute(this::bounce);
            }
        } catch (MqttException e) {
            log.warn("MQTT acknowledgement on {} failed: {}", topic, e.getMessage());
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** Leaves without acknowledging so the broker redelivers, then comes back. */
    private void bounce() {
        try {
            client.disconnectForcibly(0, 1_000, false);
        } catch (MqttException e) {
            log.debug("MQTT forced disconnect: {}", e.getMessage());
        }
        reconnects.schedule(this::connect, 1, TimeUnit.SECONDS);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // Consumer only.
    }
}
