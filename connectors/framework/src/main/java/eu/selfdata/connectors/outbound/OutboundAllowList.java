package eu.selfdata.connectors.outbound;

import java.util.List;

/**
 * Hosts the coordinator allow-listed for one city: that city's connectors may reach them even where
 * they resolve to non-public addresses (an operator's SFTP server over a VPN). The platform's own
 * hosts stay refused, and no other city gains anything.
 */
@FunctionalInterface
public interface OutboundAllowList {

    List<OutboundHost> hosts(String city);
}
