package eu.selfdata.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' images, built by the root pom's Jib configuration exactly as {@code jib:buildTar} builds
 * them, fit the pods the chart runs: same name, user, ports, writable paths and JVM options. No registry
 * and no container engine: the base image is a one-layer tarball written here (Jib's {@code tar://}
 * base), and the images Jib writes are opened and read.
 *
 * <p>Runs Maven on the three service modules (offline when this build is), so their dependencies must be
 * installed, as the CI's first step does.
 */
class ServiceImagesTest {

    private static final Path ROOT = Path.of("../..");
    private static final Map<String, String> MODULES =
            Map.of("gateway", "platform-gateway", "tenant-service", "tenant-service", "governance", "governance");
    private static final String TAG = "image-test";
    private static final int BASE_LAYERS = 1;

    @TempDir
    static Path work;

    private static final RenderedChart CHART = RenderedChart.render(Map.of("image.tag", TAG));
    private static final Map<String, DockerArchive> images = new HashMap<>();

    @BeforeAll
    static void buildTheImagesOnATarballBase() throws IOException, InterruptedException {
        Path base = work.resolve("base.tar");
        DockerArchive.writeBase(base);
        for (String module : MODULES.values()) {
            Files.deleteIfExists(tarball(module));
        }
        Path log = Path.of("target", "service-images-build.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                ROOT.resolve("mvnw").toString(),
                "-B",
                "-ntp",
                "-f",
                ROOT.resolve("pom.xml").toString(),
                "-pl",
                String.join(",", MODULES.values()),
                "-Dmaven.repo.local=" + System.getProperty("selfdata.maven.repository"),
                "-Dspotless.check.skip=true",
                "-Djib.disableUpdateChecks=true",
                "-Djib.from.image=tar://" + base.toAbsolutePath(),
                "-Djib.baseImageCache=" + work.resolve("jib-base-cache").toAbsolutePath(),
                "-Dimage.tag=" + TAG,
                "process-classes",
                "jib:buildTar"));
        if (Boolean.getBoolean("selfdata.maven.offline")) {
            command.add("-o");
        }
        ProcessBuilder maven =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        maven.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = maven.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended || process.exitValue() != 0) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            List<String> lines = Files.readAllLines(log);
            throw new AssertionError("jib:buildTar failed, " + log.toAbsolutePath() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
        for (Map.Entry<String, String> service : MODULES.entrySet()) {
            images.put(service.getKey(), DockerArchive.read(tarball(service.getValue())));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "tenant-service", "governance"})
    void isTheImageTheChartPulls(String service) {
        assertThat(images.get(service).repoTags())
                .containsExactly(container(service).getImage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "tenant-service", "governance"})
    void runsAsTheNonRootUserAndGroupOfThePod(String service) {
        PodSecurityContext pod = pod(service).getSecurityContext();
        assertThat(pod.getRunAsUser()).isPositive();
        assertThat(config(service).get("User").asText()).isEqualTo(pod.getRunAsUser() + ":" + pod.getFsGroup());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "tenant-service", "governance"})
    void exposesThePortsOfTheContainer(String service) {
        Set<String> chartPorts = container(service).getPorts().stream()
                .map(ContainerPort::getContainerPort)
                .map(port -> port + "/tcp")
                .collect(Collectors.toSet());
        assertThat(names(config(service).get("ExposedPorts"))).isEqualTo(chartPorts);
    }

    /**
     * The chart's JAVA_TOOL_OPTIONS (javaOpts) replaces the image's, and the command line outranks both:
     * what must always hold is in the entrypoint, what the chart tunes is in the environment.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gateway", "tenant-service", "governance"})
    void keepsExitOnOutOfMemoryAndDefaultsWhatTheChartSets(String service) {
        assertThat(entrypoint(service)).startsWith("java").contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(entrypoint(service).getLast()).startsWith("eu.selfdata.").endsWith("Application");

        Map<String, String> env = new HashMap<>();
        config(service).get("Env").forEach(variable -> {
            String[] pair = variable.asText().split("=", 2);
            env.put(pair[0], pair[1]);
        });
        assertThat(env)
                .containsEntry("JAVA_TOOL_OPTIONS", chartEnv(service, "JAVA_TOOL_OPTIONS"))
                .containsEntry("MANAGEMENT_SERVER_PORT", chartEnv(service, "MANAGEMENT_SERVER_PORT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "tenant-service", "governance"})
    void declaresAVolumeForEveryPathThePodWritesTo(String service) {
        // Read-only mounts (secrets such as the broker's trust store) are never written: no volume needed.
        Set<String> mounted = container(service).getVolumeMounts().stream()
                .filter(mount -> !Boolean.TRUE.equals(mount.getReadOnly()))
                .map(VolumeMount::getMountPath)
                .collect(Collectors.toSet());
        assertThat(names(config(service).get("Volumes"))).isEqualTo(mounted);
    }

    /**
     * With a read-only root filesystem nothing is written beside the code anyway; root-owned files
     * no one else may write keep it so even where the root filesystem is writable.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gateway", "tenant-service", "governance"})
    void addsRootOwnedReadOnlyCodeUnderAppOnly(String service) {
        List<TarArchiveEntry> added = images.get(service).layers().stream()
                .skip(BASE_LAYERS)
                .flatMap(List::stream)
                .toList();
        assertThat(added).allSatisfy(entry -> {
            assertThat(entry.getName()).startsWith("app/");
            assertThat(entry.getLongUserId()).as(entry.getName()).isZero();
            assertThat(entry.getMode() & 0022).as(entry.getName()).isZero();
        });
        Set<String> paths = added.stream().map(TarArchiveEntry::getName).collect(Collectors.toSet());
        String mainClass = entrypoint(service).getLast();
        assertThat(paths)
                .contains("app/classes/" + mainClass.replace('.', '/') + ".class", "app/resources/application.yml")
                .anyMatch(path -> path.startsWith("app/libs/spring-boot-") && path.endsWith(".jar"));
    }

    private static Path tarball(String module) {
        return ROOT.resolve(module).resolve("target/jib-image.tar");
    }

    private static JsonNode config(String service) {
        return images.get(service).config().get("config");
    }

    private static List<String> entrypoint(String service) {
        List<String> arguments = new ArrayList<>();
        config(service).get("Entrypoint").forEach(argument -> arguments.add(argument.asText()));
        return arguments;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static PodSpec pod(String service) {
        return CHART.named(Deployment.class, "selfdata-" + service)
                .getSpec()
                .getTemplate()
                .getSpec();
    }

    private static Container container(String service) {
        return pod(service).getContainers().getFirst();
    }

    private static String chartEnv(String service, String name) {
        return container(service).getEnv().stream()
                .filter(variable -> variable.getName().equals(name))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not set on " + service));
    }
}
