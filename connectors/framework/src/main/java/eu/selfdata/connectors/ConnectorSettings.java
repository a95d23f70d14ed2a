package eu.selfdata.connectors;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code selfdata.connectors.*}: where cities' folders are, the platform key that seals connector
 * secrets, how often running connectors are reconciled with the registry and the cities' choices,
 * and the MQTT broker.
 *
 * @param dropDirectory root of the per-city folders ({@code {root}/{city}/...}); by default a data
 *                      directory of the service's user, never a shared temporary folder
 * @param secretKey     32 random bytes in base64 sealing SFTP and broker passwords (required)
 * @param mqtt          {@code url} of the broker a client host connects to; the embedded broker's port and journal
 */
@ConfigurationProperties("selfdata.connectors")
public record ConnectorSettings(
        Boolean enabled, Path dropDirectory, String secretKey, Duration reconcileInterval, Mqtt mqtt) {

    public ConnectorSettings {
        enabled = enabled == null || enabled;
        dropDirectory = dropDirectory == null
                ? Path.of(System.getProperty("user.home"), ".local", "share", "selfdata", "connectors")
                : dropDirectory;
        reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(10) : reconcileInterval;
        mqtt = mqtt == null ? new Mqtt(null, 0, null) : mqtt;
    }

    /**
     * @param url                   the broker of a client host ({@code tcp://} or {@code ssl://})
     * @param embeddedDataDirectory the embedded broker's journal; unset → a new temporary folder per
     *                              broker (role {@code embedded} only: the broker workload needs it)
     */
    public record Mqtt(String url, int embeddedPort, Path embeddedDataDirectory) {}
}
