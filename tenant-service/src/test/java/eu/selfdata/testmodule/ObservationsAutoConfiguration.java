package eu.selfdata.testmodule;

import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * The test module's auto-configuration, listed in the test classpath's
 * {@code META-INF/spring/...AutoConfiguration.imports} exactly as a module jar lists its own: the
 * host finds the module, its changelog, texts, page, purpose and indicator with no line of its own.
 */
@AutoConfiguration
@ConditionalOnBean(CityDatabase.class)
public class ObservationsAutoConfiguration {

    @Bean
    ObservationsModule observationsModule(CityDatabase database) {
        return new ObservationsModule(database);
    }

    @Bean
    Observations observations(CityDatabase database) {
        return new Observations(database);
    }

    @Bean
    ObservationController observationController(Observations observations, CurrentCitizen citizen) {
        return new ObservationController(observations, citizen);
    }

    @Bean
    ObservationsPage observationsPage(Observations observations, CurrentCitizen citizen) {
        return new ObservationsPage(observations, citizen);
    }
}
