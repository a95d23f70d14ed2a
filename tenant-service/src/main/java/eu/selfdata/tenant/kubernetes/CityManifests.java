package eu.selfdata.tenant.kubernetes;

import eu.selfdata.tenant.registry.Branding;
import eu.selfdata.tenant.registry.Tenant;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster objects of one city, named after its slug so that writing them again replaces them,
 * and labelled with it so that offboarding finds everything the city left.
 */
final class CityManifests {

    static final String TENANT_LABEL = "selfdata.eu/tenant";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MANAGER = "selfdata-tenant-service";
    static final String CLUSTER_ISSUER_ANNOTATION = "cert-manager.io/cluster-issuer";

    private CityManifests() {}

    static String ingressName(String slug) {
        return "city-" + slug;
    }

    static String brandingName(String slug) {
        return "city-" + slug + "-branding";
    }

    static Map<String, String> labels(String slug) {
        return Map.of(TENANT_LABEL, slug, MANAGED_BY, MANAGER, "app.kubernetes.io/part-of", "selfdata");
    }

    /** One rule per custom domain to the gateway, which resolves the city from the Host; one certificate for all. */
    static Ingress ingress(Tenant tenant, KubernetesProperties settings) {
        List<IngressRule> rules = tenant.customDomains().stream()
                .map(domain -> new IngressRuleBuilder()
                        .withHost(domain)
                        .withNewHttp()
                        .addNewPath()
                        .withPath("/")
                        .withPathType("Prefix")
                        .withNewBackend()
                        .withNewService()
                        .withName(settings.gatewayService())
                        .withNewPort()
                        .withNumber(settings.gatewayPort())
                        .endPort()
                        .endService()
                        .endBackend()
                        .endPath()
                        .endHttp()
                        .build())
                .toList();
        return new IngressBuilder()
                .withMetadata(metadata(
                        ingressName(tenant.slug()),
                        tenant.slug(),
                        Map.of(CLUSTER_ISSUER_ANNOTATION, settings.clusterIssuer())))
                .withNewSpec()
                .withIngressClassName(settings.ingressClassName())
                .addNewTl()
                .withHosts(tenant.customDomains())
                .withSecretName("city-" + tenant.slug() + "-tls")
                .endTl()
                .withRules(rules)
                .endSpec()
                .build();
    }

    /** The city's public look only: nothing here is personal or secret. */
    static ConfigMap branding(Tenant tenant) {
        Branding branding = tenant.branding();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("display-name", tenant.displayName());
        data.put("primary-color", branding.primaryColor());
        data.put("secondary-color", branding.secondaryColor());
        data.put("default-language", branding.defaultLanguage());
        if (branding.logoUrl() != null) {
            data.put("logo-url", branding.logoUrl());
        }
        return new ConfigMapBuilder()
                .withMetadata(metadata(brandingName(tenant.slug()), tenant.slug(), Map.of()))
                .withData(data)
                .build();
    }

    private static ObjectMeta metadata(String name, String slug, Map<String, String> annotations) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withLabels(labels(slug))
                .withAnnotations(annotations)
                .build();
    }
}
