package eu.selfdata.mobility.connector;

import eu.selfdata.connectors.CityDirectory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import eu.selfdata.connectors.outbound.OutboundAllowList;
import eu.selfdata.connectors.outbound.OutboundHost;

import java.util.List;

import javax.sql.DataSource;

/** The module and the connector framework on the shared test PostgreSQL, with stand-ins for the host. */
@SpringBootApplication
class ConnectorTestApplication {

    @Bean
    ConnectorCities connectorCities(DataSource dataSource) {
        return new ConnectorCities(dataSource);
    }

    @Bean
    CityDirectory cityDirectory(ConnectorCities cities) {
        return cities::active;
    }

    /** The coordinator allow-lists the loopback stand-in servers (feeds, SFTP) for every test city. */
    @Bean
    OutboundAllowList loopbackAllowed() {
        return city -> List.of(OutboundHost.parse("127.0.0.1"));
    }
}
