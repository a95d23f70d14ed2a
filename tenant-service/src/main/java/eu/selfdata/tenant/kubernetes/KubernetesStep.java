package eu.selfdata.tenant.kubernetes;

import eu.selfdata.tenant.onboarding.OnboardingStep;
import eu.selfdata.tenant.onboarding.RetryLaterException;
import eu.selfdata.tenant.registry.Tenant;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Onboarding step: the city's Ingress for its custom domains (TLS from cert-manager) and its
 * branding ConfigMap. Objects have fixed names, so a replay replaces instead of duplicating;
 * compensation deletes by the tenant label. While the API server is unreachable or overloaded
 * the saga waits and retries; a refusal (forbidden, invalid) fails the onboarding.
 */
@Component
@ConditionalOnBooleanProperty("selfdata.kubernetes.enabled")
class KubernetesStep implements OnboardingStep {

    private final KubernetesClient client;
    private final KubernetesProperties settings;
    private final String namespace;

    KubernetesStep(KubernetesClient client, KubernetesProperties settings) {
        this.client = client;
        this.settings = settings;
        this.namespace = Objects.requireNonNull(
                settings.namespace() != null ? settings.namespace() : client.getNamespace(),
                "selfdata.kubernetes.namespace (no namespace from the pod or kubeconfig either)");
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void execute(Tenant tenant) {
        try {
            apply(CityManifests.branding(tenant));
            if (tenant.customDomains().isEmpty()) {
                client.network()
                        .v1()
                        .ingresses()
                        .inNamespace(namespace)
                        .withName(CityManifests.ingressName(tenant.slug()))
                        .delete();
            } else {
                apply(CityManifests.ingress(tenant, settings));
            }
        } catch (KubernetesClientException e) {
            throw transientOrFailure(e);
        }
    }

    @Override
    public void compensate(Tenant tenant) {
        try {
            client.network()
                    .v1()
                    .ingresses()
                    .inNamespace(namespace)
                    .withLabel(CityManifests.TENANT_LABEL, tenant.slug())
                    .delete();
            client.configMaps()
                    .inNamespace(namespace)
                    .withLabel(CityManifests.TENANT_LABEL, tenant.slug())
                    .delete();
        } catch (KubernetesClientException e) {
            throw transientOrFailure(e);
        }
    }

    private void apply(HasMetadata object) {
        client.resource(object).inNamespace(namespace).createOr(NonDeletingOperation::update);
    }

    private static RuntimeException transientOrFailure(KubernetesClientException e) {
        boolean transientError = e.getCode() == 0 || e.getCode() == 429 || e.getCode() >= 500;
        return transientError ? new RetryLaterException("Kubernetes API unavailable: " + e.getMessage(), e) : e;
    }
}
