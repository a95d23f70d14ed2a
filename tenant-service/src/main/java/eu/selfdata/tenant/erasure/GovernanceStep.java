package eu.selfdata.tenant.erasure;

import eu.selfdata.contract.GatewaySignature;
import eu.selfdata.contract.PlatformHeaders;
import java.time.Duration;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Governance knows citizens by subject (pilots' panels, stop votes, its audit trail): it forgets this city's
 * citizen through its erasure endpoint, called as the gateway would (signed for the platform host) with
 * tenant-service's own service-account token, which governance accepts for nothing else. Idempotent there.
 * Without {@code selfdata.governance.url} (a platform without governance) the step has nothing to do.
 */
@Component
class GovernanceStep implements ErasureStep {

    private final Environment environment;
    private final GatewaySignature signature;
    private final ObjectProvider<Keycloak> serviceAccount;
    private final RestClient http;

    GovernanceStep(Environment environment, GatewaySignature signature, ObjectProvider<Keycloak> serviceAccount) {
        this.environment = environment;
        this.signature = signature;
        this.serviceAccount = serviceAccount;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(30));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public String name() {
        return "governance";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void execute(ErasureRequest request) {
        // read at each call: a governance started after this service (a test platform) is found once named
        String url = environment.getProperty("selfdata.governance.url", "");
        if (url.isBlank()) {
            return;
        }
        http.post()
                .uri(url + "/governance/erasures")
                .headers(headers -> {
                    headers.set(PlatformHeaders.TENANT_SIGNATURE, signature.sign(""));
                    headers.setBearerAuth(
                            serviceAccount.getObject().tokenManager().getAccessTokenString());
                })
                .body(Map.of("city", request.city(), "subject", request.subject()))
                .retrieve()
                .toBodilessEntity();
    }
}
