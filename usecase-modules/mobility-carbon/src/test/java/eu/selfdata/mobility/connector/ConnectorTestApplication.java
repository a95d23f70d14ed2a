package eu.selfdata.mobility.connector;

import eu.selfdata.mobility.MobilityCarbonModule;
import eu.selfdata.usecase.test.TestAllowList;
import eu.selfdata.usecase.test.TestCities;
import eu.selfdata.usecase.test.TestHost;
import eu.selfdata.usecase.test.TestModule;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The module and the connector framework on the shared test PostgreSQL, in the fake host of {@code usecase-test}. */
@SpringBootApplication
@Import(TestHost.class)
class ConnectorTestApplication {

    @Bean
    TestCities testCities(DataSource dataSource) {
        return new TestCities(dataSource, TestModule.of(MobilityCarbonModule.ID));
    }

    /** The coordinator allow-lists the loopback stand-in servers (feeds, SFTP) for every test city. */
    @Bean
    SmartInitializingSingleton loopbackAllowed(TestAllowList allowList) {
        return () -> allowList.allowEverywhere("127.0.0.1");
    }
}
