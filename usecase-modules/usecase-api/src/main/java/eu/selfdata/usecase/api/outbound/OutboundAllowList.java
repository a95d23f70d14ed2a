package eu.selfdata.usecase.api.outbound;

import java.util.List;

/**
 * Hosts the coordinator allow-listed for one city: that city's connectors may reach them even where
 * they resolve to non-public addresses (an operator's SFTP server over a VPN). The platform's own
 * hosts stay refused, and no other city gains anything. The host provides the bean (tenant-service
 * reads the coordinator's list at each check).
 */
@FunctionalInterface
public interface OutboundAllowList {

    List<OutboundHost> hosts(String city);
}
