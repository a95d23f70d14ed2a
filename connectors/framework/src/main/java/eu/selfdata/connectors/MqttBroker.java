package eu.selfdata.connectors;

/** The broker MQTT templates subscribe to: the configured external one, or the embedded one. */
public record MqttBroker(String url) {
}
