package eu.selfdata.connectors.mqtt;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * The MQTT broker of the dev run and the tests, used when no external broker URL is configured:
 * ActiveMQ Artemis speaking MQTT on the loopback, with its journal on disk, so a QoS 1 message it
 * acknowledged to a publisher survives a broker restart until the subscriber acknowledged it.
 * Port 0 picks a free port, kept across restarts.
 */
public class EmbeddedMqttBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

    private final Path dataDirectory;
    private final int requestedPort;
    private EmbeddedActiveMQ server;
    private int port;

    public EmbeddedMqttBroker(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.requestedPort = port;
    }

    public synchronized EmbeddedMqttBroker start() {
        if (port == 0) {
            port = requestedPort == 0 ? freePort() : requestedPort;
        }
        try {
            Configuration configuration = new ConfigurationImpl()
                    .setName("selfdata-mqtt")
                    .setPersistenceEnabled(true)
                    .setSecurityEnabled(false)
                    .setJournalType(JournalType.NIO)
                    .setJournalDirectory(dataDirectory.resolve("journal").toString())
                    .setBindingsDirectory(dataDirectory.resolve("bindings").toString())
                    .setPagingDirectory(dataDirectory.resolve("paging").toString())
                    .setLargeMessagesDirectory(dataDirectory.resolve("large-messages").toString())
                    .setNodeManagerLockDirectory(dataDirectory.resolve("lock").toString())
                    .addAcceptorConfiguration("mqtt", "tcp://127.0.0.1:" + port + "?protocols=MQTT");
            server = new EmbeddedActiveMQ().setConfiguration(configuration);
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("embedded MQTT broker did not start", e);
        }
        log.info("Embedded MQTT broker on {} (journal in {})", url(), dataDirectory);
        return this;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded MQTT broker", e);
        }
    }

    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                log.warn("Embedded MQTT broker did not stop cleanly", e);
            }
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
