package eu.selfdata.connectors.hostile;

import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.usecase.test.TestCities;
import eu.selfdata.usecase.test.TestHost;
import eu.selfdata.usecase.test.TestModule;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The connector framework in a host of its own (the test host of {@code usecase-test}), with the
 * probe template; its cities have the connector tables and enable the probe's module.
 */
@SpringBootApplication
@Import(TestHost.class)
class ProbeHost {

    static final String MODULE = "probe";

    @Bean
    TestCities testCities(DataSource dataSource) {
        return new TestCities(dataSource, new TestModule(MODULE, List.of("db/connectors/tenant.changelog.sql")));
    }

    @Bean
    ProbeTemplate probeTemplate(CityFolders folders) {
        return new ProbeTemplate(folders);
    }
}
