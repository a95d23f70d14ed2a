package eu.selfdata.connectors.outbound;

import eu.selfdata.usecase.api.outbound.OutboundHost;
import java.util.List;

/**
 * The platform's own host names (identity server, services, {@code *.{base-domain}}), refused to
 * every connector by name, before any lookup: they may well resolve to public addresses. A pattern
 * {@code *.example.eu} covers every name below {@code example.eu}, not {@code example.eu} itself.
 */
final class PlatformHosts {

    private final List<String> names;
    private final List<String> suffixes;

    PlatformHosts(List<String> patterns) {
        this.names = patterns.stream()
                .filter(pattern -> !pattern.startsWith("*."))
                .map(OutboundHost::normalise)
                .toList();
        this.suffixes = patterns.stream()
                .filter(pattern -> pattern.startsWith("*."))
                .map(pattern -> "." + OutboundHost.normalise(pattern.substring(2)))
                .toList();
    }

    /** @param host normalised ({@link OutboundHost#normalise}) */
    boolean contains(String host) {
        return names.contains(host) || suffixes.stream().anyMatch(host::endsWith);
    }
}
