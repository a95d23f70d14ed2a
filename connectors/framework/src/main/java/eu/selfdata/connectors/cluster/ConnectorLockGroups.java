package eu.selfdata.connectors.cluster;

import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.ConnectorTemplate;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;

/**
 * Puts every connector route ({@code {city}.{template}}) under Camel's {@link ClusteredRoutePolicy}:
 * the route starts only on the replica that leads its city's lock group and moves to another when
 * that one stops or dies. A fixed number of groups ({@code connectors-{hash(city) mod n}}) keeps the
 * locks few (Kubernetes Leases are renewed every few seconds) whatever the number of cities; all
 * connectors of a city share one group, hence one replica. Other routes are left alone.
 */
public class ConnectorLockGroups implements RoutePolicyFactory {

    private final CamelClusterService cluster;
    private final List<String> templates;
    private final int groups;

    public ConnectorLockGroups(CamelClusterService cluster, List<ConnectorTemplate> templates, int groups) {
        this.cluster = cluster;
        this.templates = templates.stream().map(ConnectorTemplate::id).toList();
        this.groups = groups;
    }

    /** The lock group (cluster namespace) of a city. */
    public String group(String city) {
        return "connectors-" + Math.floorMod(city.hashCode(), groups);
    }

    /**
     * Whether this replica leads the city's group now, so city-wide jobs (retention purges) run where the city's
     * connectors run, once per replica set. A group this replica never joined is joined here and answers false
     * until its lock is taken.
     */
    public boolean leads(String city) {
        try {
            return cluster.getView(group(city)).getLocalMember().isLeader();
        } catch (Exception e) {
            throw new IllegalStateException("no cluster view for " + city, e);
        }
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        for (String template : templates) {
            String suffix = ConnectorInstance.routeId("", template);
            if (routeId != null && routeId.endsWith(suffix) && routeId.length() > suffix.length()) {
                try {
                    return ClusteredRoutePolicy.forNamespace(
                            cluster, group(routeId.substring(0, routeId.length() - suffix.length())));
                } catch (Exception e) {
                    throw new IllegalStateException("no cluster policy for " + routeId, e);
                }
            }
        }
        return null;
    }
}
