package eu.selfdata.tenant.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.usecase.api.CitizenId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.json.JsonMapper;

/** A replica that did not serve the erasure, its cache still holding the account, refuses the subject at once. */
class ErasedOnEveryReplicaTest extends SelfDataTest {

    @Autowired
    CityJdbc city;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void anotherReplicasCachedAccountIsRefusedAsSoonAsTheErasureIsAsked() {
        String slug = cityWithObservations("replicas", "La Rochelle");
        String token = identities.citizenToken(slug, person("leaver"));
        String subject = JsonMapper.builder()
                .build()
                .readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .path("sub")
                .asString();
        CitizenAccounts otherReplica = new CitizenAccounts(city, events);
        CitizenId cached = TenantContext.call(TenantId.of(slug), () -> otherReplica.open(subject, true));
        assertThat(cached.toString()).isEqualTo(citizenId(token, slug));

        assertThat(client.cityAs(token, slug, "DELETE", "/api/me", Map.of("confirm", "ERASE"))
                        .status())
                .isEqualTo(202);

        assertThatThrownBy(() -> TenantContext.call(TenantId.of(slug), () -> otherReplica.open(subject, true)))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("erased");
        TenantContext.run(
                TenantId.of(slug), () -> assertThat(otherReplica.find(subject)).isEmpty());
    }
}
