package eu.selfdata.connectors.mqtt;

import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.MqttBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A sensor or a city's own application on the broker: one Paho client, what it received kept in order. */
final class MqttTestDevice implements AutoCloseable {

    record Received(String topic, String payload) {}

    private final MqttClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private MqttTestDevice(MqttClient client) {
        this.client = client;
    }

    /** Connected at once; throws the broker's refusal. */
    static MqttTestDevice connect(
            MqttBroker broker, String username, String password, String clientId, boolean cleanSession)
            throws MqttException {
        MqttTestDevice device = new MqttTestDevice(new MqttClient(broker.url(), clientId, new MemoryPersistence()));
        device.client.setTimeToWait(5_000);
        device.client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                device.received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        MqttConnectOptions options = broker.connectOptions();
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        options.setCleanSession(cleanSession);
        try {
            device.client.connect(options);
        } catch (MqttException e) {
            device.client.close(true);
            throw e;
        }
        return device;
    }

    void subscribe(String filter) throws MqttException {
        client.subscribe(filter, 1);
    }

    void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** Tries an attack; the broker may refuse it loudly (exception, closed connection) or silently. */
    void attempt(MqttAction action) {
        try {
            action.run(this);
        } catch (MqttException e) {
            // refused loudly: what it did not get through is asserted on the other side
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until a message with this payload arrived. */
    void awaitPayload(String payload) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> received.stream().anyMatch(r -> r.payload().equals(payload)));
    }

    boolean connected() {
        return client.isConnected();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close(true);
    }

    interface MqttAction {
        void run(MqttTestDevice device) throws MqttException;
    }
}
