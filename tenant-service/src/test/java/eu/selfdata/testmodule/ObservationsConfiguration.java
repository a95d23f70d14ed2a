package eu.selfdata.testmodule;

import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** What a real module's auto-configuration declares. */
@TestConfiguration(proxyBeanMethods = false)
public class ObservationsConfiguration {

    @Bean
    ObservationsModule observationsModule(CityDatabase database) {
        return new ObservationsModule(database);
    }

    @Bean
    ObservationController observationController(CityDatabase database, CurrentCitizen citizen) {
        return new ObservationController(database, citizen);
    }
}
