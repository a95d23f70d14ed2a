package eu.selfdata.tenant.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.tenant.tenancy.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TenantIsolationTest extends TenantServiceTest {

    @Autowired
    AnnouncementRepository repository;

    @Test
    void sameIdInTwoCitiesShowsEachCityOnlyItsOwnThroughTheApi() {
        String rochelle = onboard(freshSlug("larochelle"), "La Rochelle");
        String lyon = onboard(freshSlug("lyon"), "Lyon");

        long rochelleId =
                publish(rochelle, "Marché", "Rochelle news").json().path("id").asLong();
        long lyonId = publish(lyon, "Fête des Lumières", "Lyon news")
                .json()
                .path("id")
                .asLong();
        assertThat(rochelleId).isEqualTo(lyonId);

        assertThat(client.city(rochelle, "GET", "/api/announcements/" + rochelleId, null)
                        .json()
                        .path("body")
                        .asString())
                .isEqualTo("Rochelle news");
        assertThat(client.city(lyon, "GET", "/api/announcements/" + lyonId, null)
                        .json()
                        .path("body")
                        .asString())
                .isEqualTo("Lyon news");
        assertThat(client.city(lyon, "GET", "/api/announcements", null).body())
                .contains("Lyon news")
                .doesNotContain("Rochelle news");
    }

    @Test
    void sameIdInTwoCitiesShowsEachCityOnlyItsOwnThroughTheRepository() {
        TenantId rochelle = TenantId.of(onboard(freshSlug("larochelle"), "La Rochelle"));
        TenantId lyon = TenantId.of(onboard(freshSlug("lyon"), "Lyon"));
        TenantContext.run(
                rochelle, () -> repository.save(new Announcement("A", "rochelle only", java.time.Instant.now())));
        TenantContext.run(lyon, () -> repository.save(new Announcement("B", "lyon only", java.time.Instant.now())));

        List<String> seenByRochelle = TenantContext.call(
                rochelle,
                () -> repository.findAll().stream().map(Announcement::getBody).toList());
        List<String> seenByLyon = TenantContext.call(
                lyon,
                () -> repository.findAll().stream().map(Announcement::getBody).toList());
        assertThat(seenByRochelle).containsExactly("rochelle only");
        assertThat(seenByLyon).containsExactly("lyon only");
    }

    @Test
    void cityHeaderSignedForAnotherCityIsRejected() {
        String rochelle = onboard(freshSlug("larochelle"), "La Rochelle");
        String lyon = onboard(freshSlug("lyon"), "Lyon");
        publish(lyon, "t", "lyon secret");

        ServiceClient.Response forged = client.raw(
                "GET", "/api/announcements", "X-Tenant-Id", lyon, "X-Tenant-Signature", signature.sign(rochelle));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.problemType()).isEqualTo("not-through-gateway");
        assertThat(forged.body()).doesNotContain("lyon secret");
    }

    @Test
    void unknownAnnouncementIdIsAProblem404() {
        String city = onboard(freshSlug("lyon"), "Lyon");
        ServiceClient.Response missing = client.city(city, "GET", "/api/announcements/999999", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void invalidAnnouncementIsRejectedWithProblemDetailsAndNothingStored() {
        String city = onboard(freshSlug("lyon"), "Lyon");
        ServiceClient.Response rejected = publish(city, "", "x");
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.problemType()).isEqualTo("invalid-request");
        assertThat(client.city(city, "GET", "/api/announcements", null).json().size())
                .isZero();
    }
}
