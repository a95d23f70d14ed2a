package eu.selfdata.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerHomeTest {

    @TempDir
    Path tmp;

    @Test
    void homeSharesTheDistributionJarsAndOwnsItsAugmentationThemeRealmAndProvider() throws IOException {
        Distribution distribution = fakeDistribution();
        ServerHome home = new ServerHome(tmp.resolve("home"));

        home.prepare(distribution, true);

        Path dir = home.dir();
        assertThat(Files.isSymbolicLink(dir.resolve("lib/lib"))).isTrue();
        assertThat(Files.readSymbolicLink(dir.resolve("lib/lib")))
                .isEqualTo(distribution.home().resolve("lib/lib"));
        assertThat(dir.resolve("lib/quarkus/quarkus-application.dat")).isRegularFile();
        assertThat(dir.resolve("bin/kc.sh")).isRegularFile();
        assertThat(dir.resolve("conf/keycloak.conf")).isRegularFile();
        assertThat(dir.resolve("data/import/selfdata-realm.json")).content().contains("\"organizationsEnabled\": true");
        assertThat(dir.resolve("themes/selfdata/login/theme.properties"))
                .content()
                .contains("parent=keycloak.v2");
        assertThat(dir.resolve("providers/selfdata-keycloak-extensions.jar")).isRegularFile();
    }

    @Test
    void freshStartWipesTheDatabaseButKeepsAugmentationAndUnchangedProvider() throws IOException {
        Distribution distribution = fakeDistribution();
        ServerHome home = new ServerHome(tmp.resolve("home"));
        home.prepare(distribution, true);
        Path database = home.dir().resolve("data/h2/keycloakdb.mv.db");
        Files.createDirectories(database.getParent());
        Files.writeString(database, "realm data");
        Path augmented = home.dir().resolve("lib/quarkus/quarkus-application.dat");
        Files.writeString(augmented, "augmented for dev");
        Path provider = home.dir().resolve("providers/selfdata-keycloak-extensions.jar");
        FileTime providerTime = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(provider, providerTime);

        home.prepare(distribution, false);
        assertThat(database).hasContent("realm data");

        home.prepare(distribution, true);
        assertThat(database).doesNotExist();
        assertThat(augmented).hasContent("augmented for dev");
        assertThat(Files.getLastModifiedTime(provider)).isEqualTo(providerTime);
        assertThat(distribution.home().resolve("lib/lib/main/keycloak.jar")).exists();
    }

    @Test
    void oneHomeServesOneServerAtATime() throws IOException {
        ServerHome home = new ServerHome(tmp.resolve("home"));

        try (var ignored = home.lock()) {
            assertThatThrownBy(() -> new ServerHome(tmp.resolve("home")).lock())
                    .hasMessageContaining("is used by another running server");
        }
        home.lock().close();
    }

    @Test
    void missingDistributionSaysHowToGetIt() {
        assertThatThrownBy(() -> new Distribution(tmp.resolve("nothing"), "26.5.6"))
                .hasMessageContaining("./mvnw -pl infra/keycloak -am package")
                .hasMessageContaining("keycloak-quarkus-dist:26.5.6");
    }

    private Distribution fakeDistribution() {
        Path dist = tmp.resolve("keycloak-26.5.6");
        try {
            for (String file : new String[] {
                "bin/kc.sh",
                "conf/keycloak.conf",
                "lib/quarkus-run.jar",
                "lib/app/keycloak.jar",
                "lib/quarkus/quarkus-application.dat",
                "lib/lib/main/keycloak.jar"
            }) {
                Files.createDirectories(dist.resolve(file).getParent());
                if (!Files.exists(dist.resolve(file))) {
                    Files.writeString(dist.resolve(file), file);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new Distribution(dist, "26.5.6");
    }
}
