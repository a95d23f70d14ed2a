package eu.selfdata.governance.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.governance.support.GovernanceTest;
import eu.selfdata.mailbox.Mail;
import eu.selfdata.mailbox.Mailbox;
import eu.selfdata.tenant.modules.EnergyPilotModule;
import eu.selfdata.tenant.support.ServiceClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Citizen oversight end to end: governance and the real tenant-service over HTTP. */
class PilotStopTest extends GovernanceTest {

    private static final String MODULE = EnergyPilotModule.MODULE_ID;

    @Test
    void panelVotesReachingTheThresholdDisableTheModuleInTenantServiceAndTellCitizens() {
        String city = freshSlug("lr");
        onboardCity(city, "La Rochelle", 77_205);
        String pilot = startPilot(city, 2);
        assertThat(enabledModules(city)).contains(MODULE);

        String camille = identities.citizenToken(city, "camille");
        String noah = identities.citizenToken(city, "noah");
        assertThat(governance
                        .cityAs(camille, city, "POST", "/governance/pilots/" + pilot + "/panel", null)
                        .status())
                .isEqualTo(204);
        assertThat(governance
                        .cityAs(noah, city, "POST", "/governance/pilots/" + pilot + "/panel", null)
                        .status())
                .isEqualTo(204);

        ServiceClient.Response first =
                governance.cityAs(camille, city, "POST", "/governance/pilots/" + pilot + "/stop-votes", null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("status").asString()).isEqualTo("RUNNING");
        assertThat(first.json().path("stopVotes").asInt()).isEqualTo(1);
        assertThat(enabledModules(city))
                .as("below the threshold nothing changes")
                .contains(MODULE);

        ServiceClient.Response second =
                governance.cityAs(noah, city, "POST", "/governance/pilots/" + pilot + "/stop-votes", null);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("status").asString()).isEqualTo("STOPPED");
        assertThat(enabledModules(city)).doesNotContain(MODULE);

        ServiceClient.Response seenByCitizens = governance.city(city, "GET", "/governance/pilots/" + pilot, null);
        assertThat(seenByCitizens.status()).isEqualTo(200);
        assertThat(seenByCitizens.json().path("notices").toString())
                .contains("voted to stop this pilot", MODULE + " is now disabled");
    }

    @Test
    void anUnverifiedAccountNeitherSitsOnAPanelNorVotesUntilItsAddressIsVerified() {
        String city = freshSlug("unverified");
        onboardCity(city, "Unverified", 10_000);
        String pilot = startPilot(city, 1);
        String name = "scripted-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String unverified = identities.unverifiedCitizenToken(city, name);

        ServiceClient.Response join =
                governance.cityAs(unverified, city, "POST", "/governance/pilots/" + pilot + "/panel", null);
        ServiceClient.Response vote =
                governance.cityAs(unverified, city, "POST", "/governance/pilots/" + pilot + "/stop-votes", null);

        assertThat(join.status()).isEqualTo(403);
        assertThat(join.problemType()).isEqualTo("email-not-verified");
        assertThat(vote.status()).isEqualTo(403);
        assertThat(vote.problemType()).isEqualTo("email-not-verified");
        assertThat(governance
                        .city(city, "GET", "/governance/pilots/" + pilot, null)
                        .json()
                        .path("panelSize")
                        .asInt())
                .isZero();
        assertThat(enabledModules(city))
                .as("a threshold of one unverified vote stops nothing")
                .contains(MODULE);

        identities.verifyEmail(name + "@" + city + ".tests.selfdata.eu");
        String verified = identities.citizenToken(city, name);
        assertThat(governance
                        .cityAs(verified, city, "POST", "/governance/pilots/" + pilot + "/panel", null)
                        .status())
                .isEqualTo(204);
    }

    @Test
    void aCitizenVotesOnceAndOnlyPanelMembersVote() {
        String city = freshSlug("once");
        onboardCity(city, "Once", 10_000);
        String pilot = startPilot(city, 3);
        String camille = identities.citizenToken(city, "camille");
        String outsider = identities.citizenToken(city, "outsider");
        governance.cityAs(camille, city, "POST", "/governance/pilots/" + pilot + "/panel", null);

        assertThat(governance
                        .cityAs(camille, city, "POST", "/governance/pilots/" + pilot + "/stop-votes", null)
                        .status())
                .isEqualTo(200);
        ServiceClient.Response again =
                governance.cityAs(camille, city, "POST", "/governance/pilots/" + pilot + "/stop-votes", null);
        ServiceClient.Response notOnPanel =
                governance.cityAs(outsider, city, "POST", "/governance/pilots/" + pilot + "/stop-votes", null);
        ServiceClient.Response anonymous =
                governance.city(city, "POST", "/governance/pilots/" + pilot + "/stop-votes", null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("already-done");
        assertThat(notOnPanel.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(governance
                        .city(city, "GET", "/governance/pilots/" + pilot, null)
                        .json()
                        .path("stopVotes")
                        .asInt())
                .isEqualTo(1);
        assertThat(enabledModules(city)).contains(MODULE);
    }

    @Test
    void aCitizenOfAnotherCityCannotJoinOrVote() {
        String larochelle = freshSlug("lr");
        String lyon = freshSlug("ly");
        onboardCity(larochelle, "La Rochelle", 77_205);
        onboardCity(lyon, "Lyon", 522_250);
        String pilot = startPilot(larochelle, 1);
        String lyonnais = identities.citizenToken(lyon, "lea");

        // her own token on La Rochelle's host: the token names another city
        ServiceClient.Response onTheirHost =
                governance.cityAs(lyonnais, larochelle, "POST", "/governance/pilots/" + pilot + "/panel", null);
        // on her own city's host, La Rochelle's pilot does not exist
        ServiceClient.Response onHerHost =
                governance.cityAs(lyonnais, lyon, "POST", "/governance/pilots/" + pilot + "/stop-votes", null);
        ServiceClient.Response readOnLyon = governance.city(lyon, "GET", "/governance/pilots/" + pilot, null);

        assertThat(onTheirHost.status()).isEqualTo(403);
        assertThat(onTheirHost.problemType()).isEqualTo("wrong-city");
        assertThat(onHerHost.status()).isEqualTo(404);
        assertThat(readOnLyon.status()).isEqualTo(404);
        assertThat(governance
                        .city(lyon, "GET", "/governance/pilots", null)
                        .json()
                        .toString())
                .doesNotContain(pilot);
        assertThat(governance
                        .city(larochelle, "GET", "/governance/pilots/" + pilot, null)
                        .json()
                        .path("stopVotes")
                        .asInt())
                .isZero();
        assertThat(enabledModules(larochelle)).contains(MODULE);
    }

    @Test
    void theStopThresholdCannotChangeOnceThePilotRuns() {
        String city = freshSlug("fixed");
        onboardCity(city, "Fixed", 5_000);
        String pilot = startPilot(city, 5);

        ServiceClient.Response change =
                governance.platform("PATCH", "/governance/pilots/" + pilot, Map.of("stopVotesRequired", 50));

        assertThat(change.status()).isEqualTo(409);
        assertThat(change.problemType()).isEqualTo("pilot-running");
        assertThat(governance
                        .platform("GET", "/governance/pilots/" + pilot, null)
                        .json()
                        .path("stopVotesRequired")
                        .asInt())
                .isEqualTo(5);
    }

    @Test
    void onlyACoordinatorStartsAPilotAndAnUnknownModuleRecordsNone() {
        String city = freshSlug("start");
        onboardCity(city, "Start", 5_000);
        Map<String, Object> request = Map.of("city", city, "module", MODULE, "title", "Energy", "stopVotesRequired", 2);

        ServiceClient.Response byCityAdmin =
                governance.platformAs(identities.cityAdminToken(city), "POST", "/governance/pilots", request);
        ServiceClient.Response unknownModule = governance.platform(
                "POST",
                "/governance/pilots",
                Map.of("city", city, "module", "no-such-module", "title", "Nothing", "stopVotesRequired", 2));

        assertThat(byCityAdmin.status()).isEqualTo(403);
        assertThat(unknownModule.status()).isEqualTo(502);
        assertThat(unknownModule.problemType()).isEqualTo("tenant-service-unavailable");
        assertThat(governance.platform("GET", "/governance/pilots", null).json().toString())
                .doesNotContain("no-such-module");
        assertThat(enabledModules(city)).doesNotContain(MODULE);
    }

    @Test
    void aStopMailsTheCoordinatorAndTheCityAdminAtOnceAndEachPanelMemberInTheirLanguage() {
        Mailbox mailbox = identities.mailbox();
        String city = freshSlug("mailed");
        String admin = "mairie@" + city + ".example.org";
        onboardCity(city, "Mailville", 20_000, admin);
        String pilot = startPilot(city, 2);
        String camille = identities.citizenToken(city, "camille");
        String noah = identities.citizenToken(city, "noah");
        assertThat(tenantService
                        .cityAs(camille, city, "PUT", "/api/me", Map.of("language", "fr"))
                        .status())
                .isEqualTo(200);
        assertThat(tenantService
                        .cityAs(noah, city, "PUT", "/api/me", Map.of("language", "en"))
                        .status())
                .isEqualTo(200);
        for (String member : List.of(camille, noah)) {
            assertThat(governance
                            .cityAs(member, city, "POST", "/governance/pilots/" + pilot + "/panel", null)
                            .status())
                    .isEqualTo(204);
            assertThat(governance
                            .cityAs(member, city, "POST", "/governance/pilots/" + pilot + "/stop-votes", null)
                            .status())
                    .isEqualTo(200);
        }

        Mail toCoordinator = mailbox.await(
                "coordinator@tests.selfdata.eu",
                mail -> mail.subject().contains("(Mailville)"),
                Duration.ofSeconds(20));
        Mail toAdmin =
                mailbox.await(admin, mail -> mail.subject().contains("Energy coaching pilot"), Duration.ofSeconds(20));
        Mail toCamille = mailbox.await("camille@" + city + ".tests.selfdata.eu", any -> true, Duration.ofSeconds(20));
        Mail toNoah = mailbox.await("noah@" + city + ".tests.selfdata.eu", any -> true, Duration.ofSeconds(20));

        assertThat(toCoordinator.text()).contains("(2 votes, 2 needed)", MODULE);
        assertThat(toAdmin.language()).as("the city's default language").isEqualTo("fr");
        assertThat(toAdmin.subject())
                .isEqualTo("Expérimentation arrêtée par son panel d'habitants : Energy coaching pilot (Mailville)");
        assertThat(toCamille.language()).isEqualTo("fr");
        assertThat(toCamille.subject()).contains("le panel d'habitants a arrêté");
        assertThat(toNoah.language()).isEqualTo("en");
        assertThat(toNoah.subject()).contains("the citizen panel stopped");
        assertThat(tenantService
                        .cityAs(noah, city, "GET", "/api/me/access-log", null)
                        .body())
                .contains("platform → you (mail)");
        assertThat(enabledModules(city)).doesNotContain(MODULE);
    }

    @Test
    void aPanelRuleSetAtStartKeepsOutAccountsCreatedAfterTheStartOrTooRecent() throws InterruptedException {
        String city = freshSlug("rule");
        String other = freshSlug("aged");
        onboardCity(city, "Rule", 10_000);
        onboardCity(other, "Aged", 10_000);
        String early = identities.citizenToken(city, "early");
        String recent = identities.citizenToken(other, "recent");
        Thread.sleep(1_100); // the token's creation time has whole seconds
        String beforeStart = startPilot(city, 3, Map.of("accountBeforeStart", true));
        String aged = startPilot(other, 3, Map.of("minimumAccountAgeDays", 1));
        String late = identities.citizenToken(city, "late");

        assertThat(governance
                        .cityAs(early, city, "POST", "/governance/pilots/" + beforeStart + "/panel", null)
                        .status())
                .isEqualTo(204);
        ServiceClient.Response lateJoin =
                governance.cityAs(late, city, "POST", "/governance/pilots/" + beforeStart + "/panel", null);
        ServiceClient.Response tooRecent =
                governance.cityAs(recent, other, "POST", "/governance/pilots/" + aged + "/panel", null);

        assertThat(lateJoin.status()).isEqualTo(403);
        assertThat(lateJoin.problemType()).isEqualTo("panel-rule-not-met");
        assertThat(lateJoin.json().path("detail").asString()).contains("created after the pilot started");
        assertThat(tooRecent.status()).isEqualTo(403);
        assertThat(tooRecent.json().path("detail").asString()).contains("at least 1 day(s) old");
        assertThat(governance
                        .city(city, "GET", "/governance/pilots/" + beforeStart, null)
                        .json()
                        .path("panelSize")
                        .asInt())
                .isEqualTo(1);
        assertThat(governance
                        .city(other, "GET", "/governance/pilots/" + aged, null)
                        .json()
                        .path("panelRule")
                        .path("minimumAccountAgeDays")
                        .asInt())
                .isEqualTo(1);
        ServiceClient.Response badRule = governance.platform(
                "POST",
                "/governance/pilots",
                Map.of(
                        "city",
                        city,
                        "module",
                        MODULE,
                        "title",
                        "Bad",
                        "stopVotesRequired",
                        1,
                        "panelRule",
                        Map.of("minimumAccountAgeDays", 0)));
        assertThat(badRule.status()).isEqualTo(400);
    }

    private String startPilot(String city, int stopVotesRequired, Map<String, Object> panelRule) {
        ServiceClient.Response started = governance.platform(
                "POST",
                "/governance/pilots",
                Map.of(
                        "city",
                        city,
                        "module",
                        MODULE,
                        "title",
                        "Energy coaching pilot",
                        "stopVotesRequired",
                        stopVotesRequired,
                        "panelRule",
                        panelRule));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().path("id").asString();
    }

    private String startPilot(String city, int stopVotesRequired) {
        ServiceClient.Response started = governance.platform(
                "POST",
                "/governance/pilots",
                Map.of(
                        "city",
                        city,
                        "module",
                        MODULE,
                        "title",
                        "Energy coaching pilot",
                        "stopVotesRequired",
                        stopVotesRequired));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().path("id").asString();
    }

    private String enabledModules(String city) {
        return tenantService
                .platform("GET", "/platform/tenants/" + city, null)
                .json()
                .path("tenant")
                .path("enabledModules")
                .toString();
    }
}
