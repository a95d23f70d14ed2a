package eu.selfdata.mobility.connector;

import eu.selfdata.connectors.CityDirectory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

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
}
