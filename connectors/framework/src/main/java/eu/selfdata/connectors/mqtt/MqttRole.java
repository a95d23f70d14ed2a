package eu.selfdata.connectors.mqtt;

/**
 * What this process does with MQTT ({@code selfdata.connectors.mqtt.role}): the one-command run
 * holds broker and subscriptions together; a cluster runs the broker as its own workload and every
 * other replica connects to it, so sensors keep one address however many replicas run.
 */
public enum MqttRole {
    /** Broker on this host (loopback by default) and the cities' subscriptions to it: one process does all. */
    EMBEDDED,
    /** The platform's broker, reachable by sensors and replicas on {@code embedded-host}:{@code embedded-port}. */
    BROKER,
    /** No broker here, no MQTT port opened: the cities' subscriptions go to {@code url}. */
    CLIENT;

    /**
     * The role a configuration asks for. Unset: {@link #CLIENT} when a broker URL is given, else
     * {@link #EMBEDDED}. A client without URL, or a broker role given a URL, is a mistake said at start-up.
     */
    public static MqttRole of(MqttRole configured, String url) {
        boolean external = url != null && !url.isBlank();
        if (configured == null) {
            return external ? CLIENT : EMBEDDED;
        }
        if (configured == CLIENT && !external) {
            throw new IllegalStateException(
                    "selfdata.connectors.mqtt.role=client needs selfdata.connectors.mqtt.url (the broker's tcp:// or ssl:// address)");
        }
        if (configured != CLIENT && external) {
            throw new IllegalStateException(
                    "selfdata.connectors.mqtt.role=" + configured.name().toLowerCase()
                            + " runs the broker here; selfdata.connectors.mqtt.url is for role=client");
        }
        return configured;
    }

    /** Whether this process starts a broker and so opens an MQTT port. */
    public boolean startsBroker() {
        return this != CLIENT;
    }
}
