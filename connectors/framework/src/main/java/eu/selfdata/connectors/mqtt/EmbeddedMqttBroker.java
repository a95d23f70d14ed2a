package eu.selfdata.connectors.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.apache.activemq.artemis.core.server.impl.ServiceRegistryImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT broker of the dev run and the tests, used when no external broker URL is configured:
 * ActiveMQ Artemis speaking MQTT (on the loopback unless told otherwise), with its journal on
 * disk, so a QoS 1 message it acknowledged to a publisher survives a broker restart until the
 * subscriber acknowledged it.
 * Port 0 picks a free port, kept across restarts.
 * <p>
 * Security is on: one account per city ({@link BrokerAccounts}), each CONNECT checked by
 * {@link CityLoginGate} (city, password, client id of the city), rights limited to the city's
 * tree ({@link CityAccountSecurityManager}), no anonymous login. With a key store the acceptor
 * speaks TLS only.
 */
public class EmbeddedMqttBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

    private final Path dataDirectory;
    private final String host;
    private final int requestedPort;
    private final BrokerAccounts accounts;
    private final MqttBrokerSettings.StoreFile keyStore;
    private ActiveMQServer server;
    private int port;

    /** @param keyStore the acceptor's certificate and key, or null for plain TCP */
    public EmbeddedMqttBroker(
            Path dataDirectory, String host, int port, BrokerAccounts accounts, MqttBrokerSettings.StoreFile keyStore) {
        this.dataDirectory = dataDirectory;
        this.host = host;
        this.requestedPort = port;
        this.accounts = accounts;
        this.keyStore = keyStore;
    }

    public synchronized EmbeddedMqttBroker start() {
        if (port == 0) {
            port = requestedPort == 0 ? freePort() : requestedPort;
        }
        try {
            Configuration configuration = new ConfigurationImpl()
                    .setName("selfdata-mqtt")
                    .setPersistenceEnabled(true)
                    .setSecurityEnabled(true)
                    // Artemis' built-in cluster account passes every check; nothing here clusters.
                    .setClusterPassword(UUID.randomUUID().toString())
                    // Out of every city's tree: no slug starts with '$'.
                    .setManagementAddress(SimpleString.of("$sys.selfdata.management"))
                    .setManagementNotificationAddress(SimpleString.of("$sys.selfdata.notifications"))
                    .setJournalType(JournalType.NIO)
                    .setJournalDirectory(dataDirectory.resolve("journal").toString())
                    .setBindingsDirectory(dataDirectory.resolve("bindings").toString())
                    .setPagingDirectory(dataDirectory.resolve("paging").toString())
                    .setLargeMessagesDirectory(
                            dataDirectory.resolve("large-messages").toString())
                    .setNodeManagerLockDirectory(dataDirectory.resolve("lock").toString())
                    .addAcceptorConfiguration(acceptor());
            // The gate is registered before the acceptor starts: no CONNECT gets past without it.
            ServiceRegistryImpl services = new ServiceRegistryImpl();
            services.addIncomingInterceptor(new CityLoginGate(accounts));
            server = new ActiveMQServerImpl(
                    configuration,
                    null,
                    new CityAccountSecurityManager(
                            accounts, configuration.getWildcardConfiguration().getDelimiter()),
                    null,
                    services);
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("embedded MQTT broker did not start", e);
        }
        log.info("Embedded MQTT broker on {} (journal in {})", url(), dataDirectory);
        return this;
    }

    /** Parameters set in code: the key store password never goes through URI text. */
    private TransportConfiguration acceptor() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(TransportConstants.HOST_PROP_NAME, host);
        parameters.put(TransportConstants.PORT_PROP_NAME, port);
        parameters.put(TransportConstants.PROTOCOLS_PROP_NAME, "MQTT");
        if (keyStore != null) {
            parameters.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
            parameters.put(
                    TransportConstants.KEYSTORE_PATH_PROP_NAME, keyStore.path().toString());
            parameters.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, keyStore.password());
            parameters.put(TransportConstants.KEYSTORE_TYPE_PROP_NAME, keyStore.type());
        }
        return new TransportConfiguration(NettyAcceptorFactory.class.getName(), parameters, "mqtt");
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

    /** Where the platform's own client reaches it: the loopback when it listens on every address. */
    public String url() {
        boolean everywhere = host.equals("0.0.0.0") || host.equals("::");
        String address = everywhere ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return (keyStore == null ? "tcp://" : "ssl://") + address + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
