package eu.selfdata.connectors.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code selfdata.connectors.mqtt.*} beyond the broker's URL and port ({@code ConnectorSettings}):
 * this process's role, where its broker listens and TLS. The operator's values, never a city's.
 *
 * @param role         {@code embedded}, {@code broker} or {@code client}; unset: {@code client} with a
 *                     URL, else {@code embedded} ({@link MqttRole#of})
 * @param embeddedHost the embedded broker's listening address ({@code 127.0.0.1}; {@code 0.0.0.0}
 *                     for devices on the network, then with TLS)
 * @param tls          {@code key-store}: the embedded broker speaks TLS only ({@code ssl://});
 *                     {@code trust-store}: what the platform's client trusts on {@code ssl://}
 *                     brokers (the JVM's default trust when unset)
 */
@ConfigurationProperties("selfdata.connectors.mqtt")
public record MqttBrokerSettings(MqttRole role, String embeddedHost, Tls tls) {

    public MqttBrokerSettings {
        embeddedHost = embeddedHost == null || embeddedHost.isBlank() ? "127.0.0.1" : embeddedHost;
        tls = tls == null ? new Tls(null, null) : tls;
    }

    public record Tls(StoreFile keyStore, StoreFile trustStore) {

        /** Sockets trusting the trust store, or null for the JVM's default trust. */
        public SSLSocketFactory clientSocketFactory() {
            if (trustStore == null) {
                return null;
            }
            try {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trustStore.load());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                return context.getSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(
                        "MQTT trust store " + trustStore.path() + " is not usable: " + e.getMessage(), e);
            }
        }
    }

    /** A key or trust store file; {@code type} PKCS12 unless said otherwise. */
    public record StoreFile(Path path, String password, String type) {

        public StoreFile {
            if (path == null) {
                throw new IllegalArgumentException("a key or trust store needs its path");
            }
            type = type == null || type.isBlank() ? "PKCS12" : type;
        }

        KeyStore load() throws GeneralSecurityException {
            try (InputStream in = Files.newInputStream(path)) {
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, password == null ? null : password.toCharArray());
                return store;
            } catch (IOException e) {
                throw new UncheckedIOException("MQTT store " + path + " is not readable", e);
            }
        }
    }
}
