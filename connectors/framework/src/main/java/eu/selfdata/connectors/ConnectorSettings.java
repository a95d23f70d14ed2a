package eu.selfdata.connectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code selfdata.connectors.*}: where cities' files are dropped by default, how often running
 * connectors are reconciled with the registry and the cities' choices, and the MQTT broker.
 *
 * @param dropDirectory default root of per-city drop folders ({@code {root}/{city}/...})
 * @param mqtt          {@code url} of an external broker; when empty an embedded broker starts
 */
@ConfigurationProperties("selfdata.connectors")
public record ConnectorSettings(Boolean enabled, Path dropDirectory, Duration reconcileInterval, Mqtt mqtt) {

    public ConnectorSettings {
        enabled = enabled == null || enabled;
        dropDirectory = dropDirectory == null ? Path.of(System.getProperty("java.io.tmpdir"), "selfdata-connectors") : dropDirectory;
        reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(10) : reconcileInterval;
        mqtt = mqtt == null ? new Mqtt(null, 0, null) : mqtt;
    }

    public Path dropDirectory(String city, String... folders) {
        Path directory = dropDirectory.resolve(new CitySchema(city).city());
        for (String folder : folders) {
            directory = directory.resolve(folder);
        }
        return directory;
    }

    /** @param embeddedDataDirectory the embedded broker's journal; unset → a new temporary folder per broker */
    public record Mqtt(String url, int embeddedPort, Path embeddedDataDirectory) {

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }
}
