package eu.selfdata.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.governance.support.GovernanceTest;
import eu.selfdata.tenant.support.ServiceClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class AuditTrailTest extends GovernanceTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyChangeIsRecordedWithWhoWhenBeforeAndAfter() {
        UUID partner = nonCityPartner("COMPANY", "Company " + UUID.randomUUID());
        governance.platform("POST", "/governance/roles/OBSERVER/holders", Map.of("partnerId", partner));
        governance.platform("DELETE", "/governance/roles/OBSERVER/holders/" + partner, null);

        JsonNode joined = entries("partner", partner.toString()).getLast();
        JsonNode roles = governance
                .platform("GET", "/governance/audit?entity=role&entityId=OBSERVER", null)
                .json();
        assertThat(joined.path("action").asString()).isEqualTo("PARTNER_JOINED");
        assertThat(joined.path("actor").asString()).isNotBlank();
        assertThat(joined.path("at").asString()).isNotBlank();
        assertThat(joined.path("before").isNull()).isTrue();
        assertThat(joined.path("after").asString()).contains(partner.toString());
        JsonNode released = roles.get(0);
        assertThat(released.path("action").asString()).isEqualTo("ROLE_RELEASED");
        assertThat(released.path("before").asString()).contains(partner.toString());
        assertThat(roles.get(1).path("action").asString()).isEqualTo("ROLE_ASSIGNED");
    }

    @Test
    void theTrailIsReadOnly() {
        nonCityPartner("ASSOCIATION", "Association " + UUID.randomUUID());

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'someone else'")
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update()).hasMessageContaining("append-only");
        ServiceClient.Response write = governance.platform("POST", "/governance/audit", Map.of("actor", "x"));
        assertThat(write.status()).isEqualTo(405);
    }

    @Test
    void onlyCoordinatorsReadTheTrail() {
        String city = freshSlug("audit");
        onboardCity(city, "Audit", 1_000);

        assertThat(governance
                        .platformAs(identities.cityAdminToken(city), "GET", "/governance/audit", null)
                        .status())
                .isEqualTo(403);
        assertThat(governance
                        .cityAs(identities.coordinatorToken(), city, "GET", "/governance/audit", null)
                        .status())
                .isEqualTo(403);
        assertThat(governance.platformAs(null, "GET", "/governance/audit", null).status())
                .isEqualTo(401);
    }

    private java.util.List<JsonNode> entries(String entity, String id) {
        return governance
                .platform("GET", "/governance/audit?entity=" + entity + "&entityId=" + id, null)
                .json()
                .valueStream()
                .toList()
                .reversed();
    }
}
