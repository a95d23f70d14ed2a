package eu.selfdata.usecase.test;

import eu.selfdata.usecase.api.outbound.OutboundAllowList;
import eu.selfdata.usecase.api.outbound.OutboundHost;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** The coordinator's per-city allow-list, in memory: what a test lets one city, or every city, reach. */
public class TestAllowList implements OutboundAllowList {

    private final Map<String, List<OutboundHost>> perCity = new ConcurrentHashMap<>();
    private final List<OutboundHost> everywhere = new CopyOnWriteArrayList<>();

    /** @param host {@code name}, {@code name:port} or an IP literal, as the coordinator writes it */
    public void allow(String city, String host) {
        perCity.computeIfAbsent(city, c -> new CopyOnWriteArrayList<>()).add(OutboundHost.parse(host));
    }

    /** For the loopback stand-in servers (feeds, SFTP) every test city talks to. */
    public void allowEverywhere(String host) {
        everywhere.add(OutboundHost.parse(host));
    }

    @Override
    public List<OutboundHost> hosts(String city) {
        return Stream.concat(everywhere.stream(), perCity.getOrDefault(city, List.of()).stream())
                .toList();
    }
}
