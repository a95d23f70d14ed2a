package eu.selfdata.governance.consortium;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.governance.support.GovernanceTest;
import eu.selfdata.tenant.support.ServiceClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class LeadCoordinatorTest extends GovernanceTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void exactlyOneLeadAtEveryInstantUnderConcurrentTransfers() throws Exception {
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            partners.add(nonCityPartner("ASSOCIATION", "Association " + i + " " + UUID.randomUUID()));
        }
        makeLead(partners.getFirst());
        Instant from = Instant.now();
        ConcurrentLinkedQueue<Integer> leadsSeen = new ConcurrentLinkedQueue<>();
        AtomicBoolean transferring = new AtomicBoolean(true);
        List<Integer> statuses;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> observer = pool.submit(() -> {
                while (transferring.get()) {
                    leadsSeen.add(jdbc.sql(
                                    "select count(*) from role_assignment where role = 'LEAD_COORDINATOR' and ended_at is null")
                            .query(Integer.class)
                            .single());
                }
            });
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> transfers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                UUID to = partners.get(1 + i % (partners.size() - 1));
                transfers.add(pool.submit(() -> {
                    start.await();
                    return governance
                            .platform("POST", "/governance/roles/lead-coordinator/transfer", Map.of("partnerId", to))
                            .status();
                }));
            }
            start.countDown();
            statuses = new ArrayList<>();
            for (Future<Integer> transfer : transfers) {
                statuses.add(transfer.get());
            }
            transferring.set(false);
            observer.get();
        }

        assertThat(statuses).containsOnly(200, 409).contains(200);
        assertThat(leadsSeen).isNotEmpty().containsOnly(1);
        List<JsonNode> leads = governance
                .platform("GET", "/governance/roles", null)
                .json()
                .path("history")
                .valueStream()
                .filter(role -> role.path("role").asString().equals("LEAD_COORDINATOR"))
                .filter(role -> role.path("endedAt").isNull()
                        || Instant.parse(role.path("endedAt").asString()).isAfter(from))
                .sorted(Comparator.comparing(
                        role -> Instant.parse(role.path("startedAt").asString())))
                .toList();
        assertThat(leads)
                .hasSize(1
                        + (int) statuses.stream()
                                .filter(status -> status == 200)
                                .count());
        for (int i = 0; i + 1 < leads.size(); i++) {
            // each hand-over ends one lead at the very instant the next begins: no gap, no overlap
            assertThat(leads.get(i).path("endedAt").asString())
                    .isEqualTo(leads.get(i + 1).path("startedAt").asString());
        }
        assertThat(leads.getLast().path("endedAt").isNull()).isTrue();
    }

    @Test
    void theLeadChangesOnlyByTransferAndOnlyByTheLeadOrACoordinator() {
        String city = freshSlug("lead");
        String other = freshSlug("other");
        UUID lead = onboardCity(city, "Lead city", 100_000);
        UUID next = onboardCity(other, "Other city", 50_000);
        makeLead(lead);

        ServiceClient.Response secondLead =
                governance.platform("POST", "/governance/roles/LEAD_COORDINATOR/holders", Map.of("partnerId", next));
        ServiceClient.Response released =
                governance.platform("DELETE", "/governance/roles/LEAD_COORDINATOR/holders/" + lead, null);
        ServiceClient.Response byOtherCity = governance.platformAs(
                identities.cityAdminToken(other),
                "POST",
                "/governance/roles/lead-coordinator/transfer",
                Map.of("partnerId", next));
        ServiceClient.Response otherAdminOnLeadsHost = governance.cityAs(
                identities.cityAdminToken(other),
                city,
                "POST",
                "/governance/roles/lead-coordinator/transfer",
                Map.of("partnerId", next));

        assertThat(secondLead.status()).isEqualTo(409);
        assertThat(secondLead.problemType()).isEqualTo("lead-handover-required");
        assertThat(released.status()).isEqualTo(409);
        assertThat(byOtherCity.status()).isEqualTo(403);
        assertThat(otherAdminOnLeadsHost.status()).isEqualTo(403);
        assertThat(otherAdminOnLeadsHost.problemType()).isEqualTo("wrong-city");
        assertThat(currentLead()).isEqualTo(lead);

        // the lead city's admin, signed in on the city's own host
        ServiceClient.Response byLead = governance.cityAs(
                identities.cityAdminToken(city),
                city,
                "POST",
                "/governance/roles/lead-coordinator/transfer",
                Map.of("partnerId", next));
        assertThat(byLead.status()).as(byLead.body()).isEqualTo(200);
        assertThat(currentLead()).isEqualTo(next);
    }

    @Test
    void theProjectGoesLiveOnlyWithEveryCoordinationRoleHeldAndThenNoneMayBeLeftEmpty() {
        UUID partner = nonCityPartner("RESEARCH_LAB", "Lab " + UUID.randomUUID());
        makeLead(partner);
        for (String role : List.of("TECHNICAL_COORDINATOR", "LEGAL_COORDINATOR", "DIGITAL_MEDIATION_COORDINATOR")) {
            governance
                    .platform("GET", "/governance/roles", null)
                    .json()
                    .path("current")
                    .valueStream()
                    .filter(held -> held.path("role").asString().equals(role))
                    .forEach(held -> governance.platform(
                            "DELETE",
                            "/governance/roles/" + role + "/holders/"
                                    + held.path("partnerId").asString(),
                            null));
        }
        if (!governance
                .platform("GET", "/governance/project", null)
                .json()
                .path("status")
                .asString()
                .equals("LIVE")) {
            ServiceClient.Response early = governance.platform("POST", "/governance/project/go-live", null);
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.problemType()).isEqualTo("coordination-role-empty");
            assertThat(early.json().path("detail").asString())
                    .contains("TECHNICAL_COORDINATOR", "LEGAL_COORDINATOR", "DIGITAL_MEDIATION_COORDINATOR");
        }
        for (String role : List.of("TECHNICAL_COORDINATOR", "LEGAL_COORDINATOR", "DIGITAL_MEDIATION_COORDINATOR")) {
            // one partner may hold several roles
            assertThat(governance
                            .platform("POST", "/governance/roles/" + role + "/holders", Map.of("partnerId", partner))
                            .status())
                    .isIn(201, 409);
        }

        assertThat(governance
                        .platform("POST", "/governance/project/go-live", null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("LIVE");
        ServiceClient.Response emptied =
                governance.platform("DELETE", "/governance/roles/LEGAL_COORDINATOR/holders/" + partner, null);
        assertThat(emptied.status()).isEqualTo(409);
        assertThat(emptied.problemType()).isEqualTo("coordination-role-empty");
    }

    @Test
    void cityPartnersFollowTheTenantRegistry() {
        String city = freshSlug("sync");
        UUID partner = onboardCity(city, "Synced", 12_345);
        JsonNode synced = partner(partner);
        assertThat(synced.path("kind").asString()).isEqualTo("CITY");
        assertThat(synced.path("population").asInt()).isEqualTo(12_345);
        assertThat(synced.path("memberSince").isNull()).isFalse();

        ServiceClient.Response offboarded =
                tenantService.platform("POST", "/platform/tenants/" + city + "/offboard", Map.of("confirm", city));
        assertThat(offboarded.status()).as(offboarded.body()).isBetween(200, 299);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    governance.platform("POST", "/governance/partners/sync", null);
                    assertThat(partner(partner).path("memberUntil").isNull()).isFalse();
                });
    }

    private JsonNode partner(UUID id) {
        return governance
                .platform("GET", "/governance/partners", null)
                .json()
                .valueStream()
                .filter(partner -> partner.path("id").asString().equals(id.toString()))
                .findFirst()
                .orElseThrow();
    }
}
