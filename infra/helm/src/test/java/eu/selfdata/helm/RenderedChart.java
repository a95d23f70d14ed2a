package eu.selfdata.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The chart as `helm template` renders it (Helm's own library, through helm-java), loaded as typed objects. */
record RenderedChart(String yaml, List<HasMetadata> objects) {

    static final Path CHART = Path.of("selfdata");
    static final String RELEASE = "selfdata";
    static final String NAMESPACE = "platform";
    // helm-java's library assumes Kubernetes 1.20 unless told; the chart needs 1.30+ (preStop sleep).
    static final String KUBE_VERSION = "v1.31.0";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static RenderedChart render(Map<String, String> values) {
        return render(template(), values);
    }

    /** With a values file first, as `helm install -f file --set …` applies them. */
    static RenderedChart render(Path valuesFile, Map<String, String> values) {
        return render(template().withValuesFile(valuesFile), values);
    }

    private static TemplateCommand template() {
        return new Helm(CHART)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
    }

    private static RenderedChart render(TemplateCommand template, Map<String, String> values) {
        values.forEach(template::set);
        String yaml = template.call();
        List<HasMetadata> objects = Arrays.stream(yaml.split("(?m)^---\\s*$"))
                .filter(document -> document.lines().anyMatch(line -> line.startsWith("kind:")))
                .map(RenderedChart::load)
                .toList();
        return new RenderedChart(yaml, objects);
    }

    private static HasMetadata load(String document) {
        try {
            return SERIALIZATION.unmarshal(document);
        } catch (RuntimeException e) {
            throw new IllegalStateException("not a valid object: " + e.getMessage() + "\n" + document, e);
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream()
                .filter(object -> object.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no " + type.getSimpleName() + " named " + name + " in\n" + yaml));
    }
}
