package eu.selfdata.connectors.hostile;

import eu.selfdata.connectors.folders.CityFolders;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/** The connector framework in a host of its own, with the probe template and test cities. */
@SpringBootApplication
class ProbeHost {

    @Bean
    TestCities testCities(DataSource dataSource) {
        return new TestCities(dataSource);
    }

    /** The coordinator's allow-list, as the tests set it per city. */
    @Bean
    TestAllowList testAllowList() {
        return new TestAllowList();
    }

    @Bean
    ProbeTemplate probeTemplate(CityFolders folders) {
        return new ProbeTemplate(folders);
    }
}
