package eu.selfdata.tenant.kubernetes;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How onboarding writes a city's cluster resources: the namespace (by default the pod's own), the
 * ingress class and cert-manager issuer for custom domains, and the gateway Service they lead to.
 */
@ConfigurationProperties("selfdata.kubernetes")
public record KubernetesProperties(
        boolean enabled,
        String namespace,
        String ingressClassName,
        String clusterIssuer,
        String gatewayService,
        Integer gatewayPort) {

    public KubernetesProperties {
        ingressClassName = blankToNull(ingressClassName);
        namespace = blankToNull(namespace);
        clusterIssuer = clusterIssuer == null || clusterIssuer.isBlank() ? "letsencrypt" : clusterIssuer;
        gatewayService = gatewayService == null || gatewayService.isBlank() ? "selfdata-gateway" : gatewayService;
        gatewayPort = gatewayPort == null ? 80 : gatewayPort;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
