package eu.selfdata.connectors.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.ConnectorHealth;
import eu.selfdata.connectors.ConnectorHost;
import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.TestHostProperties;
import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.connectors.folders.DropFolder;
import eu.selfdata.usecase.test.TestCities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A host whose context is paused or stopped runs no connector: it takes no file from a city's drop folder
 * (another host, with newer settings, may be the one serving it), and takes up its cities again when restarted.
 */
class PausedHostTest {

    @Test
    void aPausedHostStopsItsCitiesConnectorsAndARestartedOneTakesThemUpAgain() throws IOException {
        Path root = Files.createTempDirectory("paused-host");
        try (ConfigurableApplicationContext host = new SpringApplicationBuilder(ReplicaHost.class)
                .properties(TestHostProperties.of("paused-host", root))
                .run()) {
            String city = TestCities.freshSlug("larochelle");
            host.getBean(TestCities.class).onboard(city);
            host.getBean(ConnectorHost.class).reconcile();
            String route = ConnectorInstance.routeId(city, ScriptedTemplate.ID);
            assertThat(host.getBean(CamelContext.class).getRoute(route)).isNotNull();

            host.pause();

            assertThat(host.getBean(ConnectorHost.class).running(city, ScriptedTemplate.ID))
                    .isEmpty();
            assertThat(host.getBean(CamelContext.class).getRoute(route)).isNull();
            DropFolder folder =
                    host.getBean(CityFolders.class).dropFolder(city, ScriptedTemplate.FOLDER.defaultValue());
            Path partial = Files.writeString(folder.inbox().resolve("while-paused.txt.part"), "ok");
            Files.move(partial, folder.inbox().resolve("while-paused.txt"));

            host.restart();

            assertThat(host.getBean(ConnectorHost.class).running(city, ScriptedTemplate.ID))
                    .as("running again before the context serves")
                    .isPresent();

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> succeeded(host, route) == 1
                            && names(folder.done()).anyMatch(name -> name.endsWith("while-paused.txt")));
            assertThat(names(folder.inbox())).isEmpty();
        }
    }

    private static long succeeded(ConfigurableApplicationContext host, String route) {
        return host.getBean(ConnectorHealth.class)
                .of(route)
                .map(health -> ((Number) health.getDetails().get("succeeded")).longValue())
                .orElse(0L);
    }

    private static Stream<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList().stream();
        }
    }
}
