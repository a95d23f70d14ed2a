package eu.selfdata.connectors.outbound;

import com.jcraft.jsch.Proxy;
import eu.selfdata.contract.CitySlug;
import eu.selfdata.usecase.api.outbound.OutboundAllowList;
import eu.selfdata.usecase.api.outbound.OutboundHost;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The one decision on where a city's connector may connect. A host is refused by name when it is
 * one of the platform's own; otherwise it is resolved once, and every address must be public
 * unicast ({@link AddressPolicy}) unless the coordinator allow-listed that host (and port) for this
 * city. Callers connect to the addresses returned here and nowhere else, so a name cannot resolve
 * to a public address when checked and to a private one when connected (DNS rebinding).
 */
public final class OutboundGuard {

    private final PlatformHosts platformHosts;
    private final OutboundAllowList allowList;
    private final HostResolver resolver;
    private final OutboundSettings settings;

    public OutboundGuard(OutboundSettings settings, OutboundAllowList allowList, HostResolver resolver) {
        this.platformHosts = new PlatformHosts(settings.platformHosts());
        this.allowList = allowList;
        this.resolver = resolver;
        this.settings = settings;
    }

    /**
     * The addresses {@code city}'s connector may connect to for {@code host}:{@code port}.
     *
     * @throws OutboundException.Refused saying which address is refused and why
     * @throws UnknownHostException      when the name does not resolve
     */
    public List<InetAddress> resolve(String city, String host, int port)
            throws OutboundException.Refused, UnknownHostException {
        CitySlug.of(city);
        String name;
        try {
            name = OutboundHost.normalise(host);
        } catch (IllegalArgumentException e) {
            throw new OutboundException.Refused(e.getMessage());
        }
        if (platformHosts.contains(name)) {
            throw new OutboundException.Refused(name + " is one of the platform's own hosts");
        }
        boolean allowListed = allowList.hosts(city).stream().anyMatch(entry -> entry.matches(name, port));
        Optional<InetAddress> literal = OutboundHost.literal(name);
        List<InetAddress> addresses = literal.isPresent() ? List.of(literal.get()) : List.of(resolver.resolve(name));
        if (addresses.isEmpty()) {
            throw new UnknownHostException(name);
        }
        if (!allowListed) {
            for (InetAddress address : addresses) {
                Optional<String> refusal = AddressPolicy.refusal(address);
                if (refusal.isPresent()) {
                    throw new OutboundException.Refused((literal.isPresent()
                                    ? name + " is "
                                    : name + " resolves to " + address.getHostAddress() + ", ")
                            + "not a public address: " + refusal.get());
                }
            }
        }
        return addresses;
    }

    /**
     * What can be told of a host before any lookup, when a city admin saves it: one of the platform's
     * own, or an IP literal that is not public and that the coordinator did not allow-list for the
     * city (on some port). A name is judged after resolution, at every call.
     */
    public Optional<String> refusalWithoutLookup(String city, String host) {
        String name;
        try {
            name = OutboundHost.normalise(host);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (platformHosts.contains(name)) {
            return Optional.of(name + " is one of the platform's own hosts");
        }
        boolean allowListed =
                allowList.hosts(city).stream().anyMatch(entry -> entry.host().equals(name));
        return OutboundHost.literal(name)
                .filter(address -> !allowListed)
                .flatMap(AddressPolicy::refusal)
                .map(refusal -> name + " is not a public address: " + refusal);
    }

    /**
     * A JSch proxy for one SSH session at a time of {@code city} (set it on that city's SFTP
     * endpoint): it connects straight to an address this guard returned.
     */
    public Proxy sshProxy(String city) {
        CitySlug.of(city);
        return new GuardedSshProxy(this, city, settings.connectTimeout(), settings.readTimeout());
    }

    OutboundSettings settings() {
        return settings;
    }
}
