package eu.selfdata.waste.support;

import eu.selfdata.connectors.CityDirectory;
import eu.selfdata.connectors.mqtt.BrokerAccounts;
import eu.selfdata.usecase.api.CityAggregates;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import eu.selfdata.connectors.outbound.OutboundAllowList;
import eu.selfdata.connectors.outbound.OutboundHost;

import java.util.List;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.UUID;

/**
 * The module and the connector framework on the shared test PostgreSQL, with small stand-ins for
 * the host's city services (the end-to-end tests in tenant-service use the real ones).
 */
@SpringBootApplication
public class WasteTestApplication {

    /** Also the {@code CityScope} and {@code CityDatabase} of the tests. */
    @Bean
    TestCities testCities(DataSource dataSource) {
        return new TestCities(dataSource);
    }

    @Bean
    CityDirectory cityDirectory(TestCities cities) {
        return cities::active;
    }

    /** Every city has an MQTT account; tests log devices in with {@code password(city)}. */
    @Bean
    BrokerAccounts brokerAccounts() {
        String secret = UUID.randomUUID().toString();
        return city -> Optional.of(secret + "-" + city);
    }

    @Bean
    TestConsents consents() {
        return new TestConsents();
    }

    @Bean
    TestAccessLog accessLog() {
        return new TestAccessLog();
    }

    /** The module's web endpoints are tested end to end in tenant-service, with real citizens. */
    @Bean
    CurrentCitizen currentCitizen() {
        return new CurrentCitizen() {
            @Override
            public CitizenId require() {
                throw new IllegalStateException("no citizen requests in the module's connector tests");
            }

            @Override
            public CitizenId requireVerified() {
                return require();
            }
        };
    }

    @Bean
    CityAggregates cityAggregates() {
        return indicator -> {
            throw new IllegalStateException("aggregates are tested end to end in tenant-service");
        };
    }

    /** The coordinator allow-lists the loopback stand-in servers (feeds, SFTP) for every test city. */
    @Bean
    OutboundAllowList loopbackAllowed() {
        return city -> List.of(OutboundHost.parse("127.0.0.1"));
    }
}
