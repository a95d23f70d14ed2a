package eu.selfdata.governance.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.governance.support.GovernanceTest;
import eu.selfdata.governance.support.RunningTenantService;
import eu.selfdata.keycloak.KeycloakServer;
import eu.selfdata.tenant.modules.EnergyPilotModule;
import eu.selfdata.tenant.support.ServiceClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** tenant-service's erasure saga makes governance forget a citizen of one city, and only of that city. */
class CitizenErasureTest extends GovernanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Test
    void panelSeatsStopVotesAndAuditActorsOfTheCitizenGoInTheirCityOnlyAndAReplayChangesNothing() {
        String city = freshSlug("lr");
        String otherCity = freshSlug("ly");
        onboardCity(city, "La Rochelle", 77_205);
        onboardCity(otherCity, "Lyon", 522_250);
        String pilot = startPilot(city);
        String otherPilot = startPilot(otherCity);
        String camille = identities.citizenToken(
                city, "camille-" + UUID.randomUUID().toString().substring(0, 6));
        String subject = subject(camille);
        assertThat(governance
                        .cityAs(camille, city, "POST", "/governance/pilots/" + pilot + "/panel", null)
                        .status())
                .isEqualTo(204);
        assertThat(governance
                        .cityAs(camille, city, "POST", "/governance/pilots/" + pilot + "/stop-votes", null)
                        .status())
                .isEqualTo(200);
        // the same subject in another city's pilot (a person in two cities) is not this city's to erase
        jdbc.sql("insert into panel_member (pilot_id, subject, joined_at) values (?::uuid, ?, now())")
                .params(otherPilot, subject)
                .update();
        jdbc.sql("insert into audit_entry (actor, action, entity, entity_id) values (?, 'PANEL_JOINED', 'pilot', ?)")
                .params(subject, otherPilot)
                .update();
        Map<String, String> request = Map.of("city", city, "subject", subject);

        ServiceClient.Response erased =
                governance.platformAs(tenantServiceToken(), "POST", "/governance/erasures", request);
        ServiceClient.Response replayed =
                governance.platformAs(tenantServiceToken(), "POST", "/governance/erasures", request);

        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(204);
        assertThat(count("panel_member", pilot, subject)).isZero();
        assertThat(count("stop_vote", pilot, subject)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_id = ? and actor = ?")
                        .params(pilot, subject)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_id = ? and actor = 'erased-citizen'")
                        .param(pilot)
                        .query(Integer.class)
                        .single())
                .as("the trail keeps what was done, not by whom")
                .isEqualTo(2);
        assertThat(count("panel_member", otherPilot, subject)).isOne();
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_id = ? and actor = ?")
                        .params(otherPilot, subject)
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    @Test
    void aResidentWhoErasesHerAccountLeavesNoSeatVoteOrActorInGovernance() throws Exception {
        String city = freshSlug("lr");
        onboardCity(city, "La Rochelle", 77_205);
        String pilot = startPilot(city);
        String lea = identities.citizenToken(
                city, "lea-" + UUID.randomUUID().toString().substring(0, 6));
        String subject = subject(lea);
        assertThat(governance
                        .cityAs(lea, city, "POST", "/governance/pilots/" + pilot + "/panel", null)
                        .status())
                .isEqualTo(204);
        assertThat(governance
                        .cityAs(lea, city, "POST", "/governance/pilots/" + pilot + "/stop-votes", null)
                        .status())
                .isEqualTo(200);

        // the citizen erases her account in tenant-service; its saga reaches this governance
        ServiceClient.Response erased;
        try (AutoCloseable ignored = RunningTenantService.shared().governanceAt("http://localhost:" + port)) {
            erased = tenantService.cityAs(lea, city, "DELETE", "/api/me", Map.of("confirm", "ERASE"));
        }

        assertThat(erased.status()).as(erased.body()).isEqualTo(202);
        assertThat(erased.json().path("state").asString()).as(erased.body()).isEqualTo("DONE");
        assertThat(count("panel_member", pilot, subject)).isZero();
        assertThat(count("stop_vote", pilot, subject)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = ?")
                        .param(subject)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void noOneButTenantServiceOnThePlatformHostMayErase() {
        String city = freshSlug("lr");
        onboardCity(city, "La Rochelle", 77_205);
        String citizen = identities.citizenToken(
                city, "noah-" + UUID.randomUUID().toString().substring(0, 6));
        Map<String, String> request = Map.of("city", city, "subject", subject(citizen));

        assertThat(governance
                        .platformAs(citizen, "POST", "/governance/erasures", request)
                        .status())
                .isEqualTo(403);
        assertThat(governance.platform("POST", "/governance/erasures", request).status())
                .as("a coordinator does not erase citizens")
                .isEqualTo(403);
        assertThat(governance
                        .cityAs(tenantServiceToken(), city, "POST", "/governance/erasures", request)
                        .status())
                .as("on a city's host, a token of no city is refused before anything")
                .isEqualTo(403);
        ServiceClient.Response badCity = governance.platformAs(
                tenantServiceToken(), "POST", "/governance/erasures", Map.of("city", "../x", "subject", "s"));
        assertThat(badCity.status()).isEqualTo(400);
        assertThat(badCity.problemType()).isEqualTo("invalid-request");
    }

    private int count(String table, String pilot, String subject) {
        return jdbc.sql("select count(*) from " + table + " where pilot_id = ?::uuid and subject = ?")
                .params(pilot, subject)
                .query(Integer.class)
                .single();
    }

    private String startPilot(String city) {
        ServiceClient.Response started = governance.platform(
                "POST",
                "/governance/pilots",
                Map.of(
                        "city",
                        city,
                        "module",
                        EnergyPilotModule.MODULE_ID,
                        "title",
                        "Energy coaching pilot",
                        "stopVotesRequired",
                        5));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().path("id").asString();
    }

    /** tenant-service's own service-account token, as its erasure saga gets it. */
    private String tenantServiceToken() {
        KeycloakServer server = identities.server();
        String form =
                "grant_type=client_credentials&client_id=" + KeycloakServer.TENANT_SERVICE_CLIENT + "&client_secret="
                        + URLEncoder.encode(server.tenantServiceClient().secret(), StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.issuer() + "/protocol/openid-connect/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).path("access_token").asString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String subject(String token) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .path("sub")
                .asString();
    }
}
