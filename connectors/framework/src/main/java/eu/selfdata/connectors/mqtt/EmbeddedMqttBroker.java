package eu.selfdata.connectors.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The MQTT broker of the dev run and the tests (Moquette, persistent, anonymous, local only), used
 * when no external broker URL is configured. Port 0 picks a free port.
 */
public class EmbeddedMqttBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

    private final Path dataDirectory;
    private final int requestedPort;
    private Server server;
    private int port;

    public EmbeddedMqttBroker(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.requestedPort = port;
    }

    public synchronized EmbeddedMqttBroker start() {
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", Integer.toString(port == 0 ? requestedPort : port));
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("allow_anonymous", "true");
        properties.setProperty("persistence_enabled", "true");
        properties.setProperty("data_path", dataDirectory.toAbsolutePath().toString());
        properties.setProperty("telemetry_enabled", "false");
        try {
            Files.createDirectories(dataDirectory);
            server = new Server();
            server.startServer(new MemoryConfig(properties));
        } catch (IOException e) {
            throw new UncheckedIOException("embedded MQTT broker did not start", e);
        }
        // Restarts keep the first port so that clients reconnect to the same address.
        port = server.getPort();
        log.info("Embedded MQTT broker on tcp://127.0.0.1:{} (data in {})", port, dataDirectory);
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
