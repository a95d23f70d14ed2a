package eu.selfdata.connectors.replicas;

import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.usecase.test.TestCities;
import eu.selfdata.usecase.test.TestHost;
import eu.selfdata.usecase.test.TestModule;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** One replica of a connector host (the test host of {@code usecase-test}) running the scripted template. */
@SpringBootApplication
@Import(TestHost.class)
class ReplicaHost {

    static final String MODULE = "scripted";

    @Bean
    TestCities testCities(DataSource dataSource) {
        return new TestCities(dataSource, new TestModule(MODULE, List.of("db/connectors/tenant.changelog.sql")));
    }

    @Bean
    ScriptedTemplate scriptedTemplate(CityFolders folders) {
        return new ScriptedTemplate(folders);
    }
}
