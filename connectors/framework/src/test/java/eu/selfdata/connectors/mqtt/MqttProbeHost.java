package eu.selfdata.connectors.mqtt;

import eu.selfdata.usecase.test.TestCities;
import eu.selfdata.usecase.test.TestHost;
import eu.selfdata.usecase.test.TestModule;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** A connector host (the test host of {@code usecase-test}) whose one template subscribes to MQTT. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestHost.class)
class MqttProbeHost {

    @Bean
    TestCities testCities(DataSource dataSource) {
        return new TestCities(
                dataSource, new TestModule(MqttProbeTemplate.MODULE, List.of("db/connectors/tenant.changelog.sql")));
    }

    @Bean
    MqttProbeTemplate mqttProbeTemplate(MqttSource mqtt) {
        return new MqttProbeTemplate(mqtt);
    }
}
