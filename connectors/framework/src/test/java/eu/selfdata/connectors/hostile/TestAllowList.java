package eu.selfdata.connectors.hostile;

import eu.selfdata.connectors.outbound.OutboundAllowList;
import eu.selfdata.connectors.outbound.OutboundHost;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The coordinator's per-city allow-list, kept in memory for the framework's tests. */
class TestAllowList implements OutboundAllowList {

    private final Map<String, List<OutboundHost>> hosts = new ConcurrentHashMap<>();

    void allow(String city, String host) {
        hosts.merge(city, List.of(OutboundHost.parse(host)), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
    }

    @Override
    public List<OutboundHost> hosts(String city) {
        return hosts.getOrDefault(city, List.of());
    }
}
