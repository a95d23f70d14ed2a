package eu.selfdata.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void defaultsAreTheReadmePortsAndDevDataInTheRepository() {
        LauncherOptions options = LauncherOptions.parse(new String[0], new Properties());

        assertThat(options.gatewayPort()).isEqualTo(8080);
        assertThat(options.tenantServicePort()).isEqualTo(8081);
        assertThat(options.governancePort()).isEqualTo(8082);
        assertThat(options.databasePort()).isEqualTo(15432);
        assertThat(options.dataDir()).isEqualTo(options.repoRoot().resolve("dev-data"));
        assertThat(options.externalDatabase()).isEmpty();
        assertThat(options.skipDemo()).isFalse();
    }

    @Test
    void argumentsWinOverSystemProperties() {
        Properties properties = new Properties();
        properties.setProperty("launcher.gateway-port", "9090");
        properties.setProperty("launcher.skip-demo", "true");

        LauncherOptions options = LauncherOptions.parse(new String[] {"--gateway-port=9191"}, properties);

        assertThat(options.gatewayPort()).isEqualTo(9191);
        assertThat(options.skipDemo()).isTrue();
    }

    @Test
    void externalDatabaseReplacesTheEmbeddedOne() {
        LauncherOptions options = LauncherOptions.parse(
                new String[] {
                    "--db-url=jdbc:postgresql://db:5432/selfdata", "--db-user=selfdata", "--db-password=secret"
                },
                new Properties());

        assertThat(options.externalDatabase()).hasValueSatisfying(db -> {
            assertThat(db.url()).isEqualTo("jdbc:postgresql://db:5432/selfdata");
            assertThat(db.user()).isEqualTo("selfdata");
            assertThat(db.password()).isEqualTo("secret");
        });
    }

    @Test
    void unknownOptionsAndBadValuesAreRefusedWithAMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LauncherOptions.parse(new String[] {"--gatway-port=1"}, new Properties()))
                .withMessageContaining("gatway-port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LauncherOptions.parse(new String[] {"--db-port=abc"}, new Properties()))
                .withMessageContaining("--db-port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LauncherOptions.parse(new String[] {"--db-user=x"}, new Properties()))
                .withMessageContaining("--db-url");
    }
}
