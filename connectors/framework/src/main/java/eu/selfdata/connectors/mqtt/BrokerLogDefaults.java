package eu.selfdata.connectors.mqtt;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Artemis' audit loggers ask {@code Subject.getSubject}, which JDK 24+ refuses, and the embedded
 * broker then fails to start; they are off by default in Artemis' own logging, so turn them off
 * here too (lowest precedence: a host may still set them).
 */
public class BrokerLogDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "selfdata-mqtt-broker-logging", Map.of("logging.level.org.apache.activemq.audit", "OFF")));
    }
}
