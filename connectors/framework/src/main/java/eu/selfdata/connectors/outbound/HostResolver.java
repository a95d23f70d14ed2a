package eu.selfdata.connectors.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name to addresses: the system's DNS in service, a table in tests. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
