package eu.selfdata.tenant.modules;

import eu.selfdata.usecase.api.UseCaseModule;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A use-case module for tests, with one table, as a module jar's auto-configuration would declare it. */
@TestConfiguration(proxyBeanMethods = false)
public class EnergyPilotModule {

    public static final String MODULE_ID = "energy-pilot";

    @Bean
    UseCaseModule energyPilot() {
        return new UseCaseModule() {
            @Override
            public String id() {
                return MODULE_ID;
            }

            @Override
            public String displayName() {
                return "Energy (pilot)";
            }

            @Override
            public Optional<String> tenantChangelog() {
                return Optional.of("db/test/energy-pilot.changelog.sql");
            }
        };
    }
}
