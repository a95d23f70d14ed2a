package eu.selfdata.waste.support;

import eu.selfdata.connectors.mqtt.BrokerAccounts;
import eu.selfdata.usecase.test.TestAllowList;
import eu.selfdata.usecase.test.TestCities;
import eu.selfdata.usecase.test.TestHost;
import eu.selfdata.usecase.test.TestModule;
import eu.selfdata.waste.WasteModule;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The module and the connector framework on the shared test PostgreSQL, in the fake host of
 * {@code usecase-test} (the end-to-end tests in tenant-service use the real one).
 */
@SpringBootApplication
@Import(TestHost.class)
public class WasteTestApplication {

    /** Cities with the module's changelog: also the CityScope, CityDatabase, CityDirectory and CityStaff of the tests. */
    @Bean
    TestCities testCities(DataSource dataSource) {
        return new TestCities(dataSource, TestModule.of(WasteModule.ID));
    }

    /** Every city has an MQTT account; tests log devices in with {@code password(city)}. */
    @Bean
    BrokerAccounts brokerAccounts() {
        String secret = UUID.randomUUID().toString();
        return city -> Optional.of(secret + "-" + city);
    }

    /** The coordinator allow-lists the loopback stand-in servers (feeds, SFTP) for every test city. */
    @Bean
    SmartInitializingSingleton loopbackAllowed(TestAllowList allowList) {
        return () -> allowList.allowEverywhere("127.0.0.1");
    }
}
