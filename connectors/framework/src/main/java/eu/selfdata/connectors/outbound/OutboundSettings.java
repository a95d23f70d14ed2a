package eu.selfdata.connectors.outbound;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code selfdata.connectors.outbound.*}: what every connector's outbound call may reach and for how
 * long.
 *
 * @param platformHosts    the platform's own host names, refused by name ({@code *.example.eu} for
 *                         every name below example.eu), e.g. the identity server and the base domain
 * @param connectTimeout   to establish a TCP connection (HTTP and SSH)
 * @param readTimeout      the longest silence while waiting for bytes
 * @param textDeadline     a whole text call, redirects included: a server trickling a byte at a time
 *                         cannot hold a connector longer
 * @param downloadDeadline a whole download, redirects included
 * @param maxTextSize      the largest text or JSON answer
 * @param maxDownloadSize  the largest download to a file (a GTFS zip)
 */
@ConfigurationProperties("selfdata.connectors.outbound")
public record OutboundSettings(
        List<String> platformHosts,
        Duration connectTimeout,
        Duration readTimeout,
        Duration textDeadline,
        Duration downloadDeadline,
        DataSize maxTextSize,
        DataSize maxDownloadSize) {

    public static final OutboundSettings DEFAULTS = new OutboundSettings(null, null, null, null, null, null, null);

    public OutboundSettings {
        platformHosts = platformHosts == null ? List.of() : List.copyOf(platformHosts);
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(10), "connect-timeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(30), "read-timeout");
        textDeadline = positive(textDeadline, Duration.ofMinutes(1), "text-deadline");
        downloadDeadline = positive(downloadDeadline, Duration.ofMinutes(10), "download-deadline");
        maxTextSize = positive(maxTextSize, DataSize.ofMegabytes(2), "max-text-size");
        maxDownloadSize = positive(maxDownloadSize, DataSize.ofMegabytes(200), "max-download-size");
    }

    private static Duration positive(Duration value, Duration otherwise, String name) {
        if (value == null) {
            return otherwise;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("selfdata.connectors.outbound." + name + " is positive: " + value);
        }
        return value;
    }

    private static DataSize positive(DataSize value, DataSize otherwise, String name) {
        if (value == null) {
            return otherwise;
        }
        if (value.toBytes() <= 0) {
            throw new IllegalArgumentException("selfdata.connectors.outbound." + name + " is positive: " + value);
        }
        return value;
    }
}
