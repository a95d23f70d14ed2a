package eu.selfdata.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the Keycloak image without a container engine: the Containerfile builds on the
 * Keycloak this project compiles its provider against, copies what this module's build produces (run
 * after process-resources, so the paths exist here), and runs as a non-root user.
 */
class ContainerfileTest {

    private static final Path CONTEXT = Path.of("");
    private final List<String> instructions = instructions(CONTEXT.resolve("Containerfile"));

    @Test
    void buildsOnTheKeycloakTheProviderIsCompiledAgainst() {
        List<String> bases =
                arguments("FROM").stream().map(from -> from.split("\\s+")[0]).toList();
        assertThat(bases)
                .hasSize(2)
                .allSatisfy(image -> assertThat(image.replaceFirst("@sha256:[0-9a-f]{64}$", ""))
                        .isEqualTo("quay.io/keycloak/keycloak:" + Distribution.expectedVersion()));
    }

    @Test
    void copiesTheProviderAndThemeThisModuleBuildsAndTheContextSendsThem() throws IOException {
        List<String> sources = arguments("COPY").stream()
                .filter(copy -> !copy.contains("--from="))
                .map(copy -> copy.replaceFirst("^--chown=\\S+\\s+", "").split("\\s+")[0])
                .toList();
        assertThat(sources)
                .containsExactly(
                        "target/classes/selfdata-keycloak/providers/", "target/classes/selfdata-keycloak/themes/");
        assertThat(CONTEXT.resolve(sources.get(0)).resolve("selfdata-keycloak-extensions.jar"))
                .isRegularFile();
        assertThat(CONTEXT.resolve(sources.get(1)).resolve("selfdata/login/theme.properties"))
                .isRegularFile();
        assertThat(CONTEXT.resolve(sources.get(1)).resolve("selfdata/email/theme.properties"))
                .isRegularFile();

        List<String> ignore = Files.readAllLines(CONTEXT.resolve(".dockerignore"));
        assertThat(ignore).contains("*");
        assertThat(sources).allSatisfy(source -> assertThat(ignore).contains("!" + source.replaceFirst("/$", "")));
    }

    @Test
    void buildsOptimizedForPostgresWithHealthAndMetrics() {
        int build = instructions.indexOf("RUN /opt/keycloak/bin/kc.sh build");
        assertThat(build).isPositive();
        assertThat(instructions.subList(0, build))
                .contains("ENV KC_DB=postgres", "ENV KC_HEALTH_ENABLED=true", "ENV KC_METRICS_ENABLED=true");
        assertThat(instructions.subList(build, instructions.size()))
                .anyMatch(line -> line.matches("COPY --from=builder .* /opt/keycloak/ /opt/keycloak/"));
    }

    @Test
    void runsAsANonRootUser() {
        assertThat(arguments("USER").getLast()).matches("[1-9][0-9]*(:[0-9]+)?");
    }

    private List<String> arguments(String instruction) {
        return instructions.stream()
                .filter(line -> line.startsWith(instruction + " "))
                .map(line -> line.substring(instruction.length() + 1).strip())
                .toList();
    }

    /** The file's instructions, one per line (it has no continuation lines), comments left out. */
    private static List<String> instructions(Path file) {
        try {
            List<String> lines = Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
            assertThat(lines).as("continuation lines").noneMatch(line -> line.endsWith("\\"));
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
