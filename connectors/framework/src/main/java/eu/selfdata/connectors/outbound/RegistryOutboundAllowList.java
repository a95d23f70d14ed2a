package eu.selfdata.connectors.outbound;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;

/**
 * Reads {@code platform.city_outbound_host} (written by tenant-service's coordinator API) at each
 * check: a change applies to the next call, and connectors call rarely.
 */
final class RegistryOutboundAllowList implements OutboundAllowList {

    private final JdbcClient jdbc;

    RegistryOutboundAllowList(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public List<OutboundHost> hosts(String city) {
        return jdbc.sql("select host, port from platform.city_outbound_host where city = :city").param("city", city)
                .query((rs, row) -> new OutboundHost(rs.getString(1), (Integer) rs.getObject(2))).list();
    }
}
