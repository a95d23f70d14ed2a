package eu.selfdata.tenant.modules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleGateTest extends SelfDataTest {

    @Test
    void moduleAnswersOnlyInCitiesThatEnabledIt() {
        String enabled = cityWithObservations("larochelle", "La Rochelle");
        String disabled = onboard(freshSlug("lyon"), "Lyon");

        ServiceClient.Response there =
                client.cityAs(identities.citizenToken(enabled, person("c")), enabled, "GET", "/api/observations", null);
        ServiceClient.Response notThere = client.cityAs(
                identities.citizenToken(disabled, person("c")),
                disabled,
                "POST",
                "/api/observations",
                Map.of("kind", "bike", "value", 1));

        assertThat(there.status()).isEqualTo(200);
        assertThat(notThere.status()).isEqualTo(404);
        assertThat(notThere.problemType()).isEqualTo("module-not-enabled");
    }
}
