package eu.selfdata.connectors;

import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * The broker MQTT templates subscribe to: the configured external one, or the embedded one.
 *
 * @param url           {@code tcp://host:port} or {@code ssl://host:port}
 * @param socketFactory TLS sockets for {@code ssl://} (the configured trust store); null → the JVM's default
 */
public record MqttBroker(String url, SSLSocketFactory socketFactory) {

    public MqttBroker {
        if (url == null || !(url.startsWith("tcp://") || url.startsWith("ssl://"))) {
            throw new IllegalArgumentException("an MQTT broker URL is tcp://host:port or ssl://host:port: " + url);
        }
    }

    public MqttBroker(String url) {
        this(url, null);
    }

    /** MQTT 3.1.1 (no silent fall-back to 3.1), over TLS with the configured trust for {@code ssl://}. */
    public MqttConnectOptions connectOptions() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (url.startsWith("ssl://") && socketFactory != null) {
            options.setSocketFactory(socketFactory);
        }
        return options;
    }
}
