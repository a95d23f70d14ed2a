package eu.selfdata.governance.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.governance.support.GovernanceTest;
import eu.selfdata.tenant.modules.EnergyPilotModule;
import eu.selfdata.tenant.support.ServiceClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The citizen portal's pilots fragment: join, vote once, in the citizen's language, her city's pilots only. */
class PilotPanelFragmentTest extends GovernanceTest {

    @Test
    void aResidentJoinsThenVotesOnceAndSeesTheCount() {
        String city = freshSlug("frag");
        onboardCity(city, "Fragment", 10_000);
        String pilot = startPilot(city, "Energy coaching " + city, 2);
        String camille = identities.citizenToken(city, "camille");
        String fragment = "/governance/portal/pilots";

        ServiceClient.Response list = governance.cityAs(camille, city, "GET", fragment + "?lang=en", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains(
                        "id=\"pilot-" + pilot + "\"",
                        "Energy coaching " + city,
                        "0 of the 2 stop votes needed; 0 citizens on the panel.",
                        "Join the citizen panel")
                .doesNotContain("<html");

        ServiceClient.Response joined =
                governance.cityAs(camille, city, "POST", fragment + "/" + pilot + "/panel?lang=en", null);
        assertThat(joined.body())
                .contains("You joined the citizen panel.", "Vote to stop this pilot", "1 citizens on the panel")
                .doesNotContain("Join the citizen panel");

        ServiceClient.Response voted =
                governance.cityAs(camille, city, "POST", fragment + "/" + pilot + "/stop-votes?lang=fr", null);
        // (Thymeleaf writes the apostrophe as &#39;)
        assertThat(voted.body())
                .contains("arrêt a été compté.", "1 des 2 votes d&#39;arrêt nécessaires", "Vous avez voté l&#39;arrêt")
                .doesNotContain("Voter l&#39;arrêt de cette expérimentation");

        ServiceClient.Response again =
                governance.cityAs(camille, city, "POST", fragment + "/" + pilot + "/stop-votes?lang=en", null);
        assertThat(again.body()).contains("You have already voted to stop this pilot");
        assertThat(governance
                        .city(city, "GET", "/governance/pilots/" + pilot, null)
                        .json()
                        .path("stopVotes")
                        .asInt())
                .isEqualTo(1);
        assertThat(governance.city(city, "GET", fragment, null).status()).isEqualTo(401);
    }

    @Test
    void aResidentOfAnotherCitySeesNoneOfItsPilotsAndCannotJoinThem() {
        String larochelle = freshSlug("lr");
        String lyon = freshSlug("ly");
        onboardCity(larochelle, "La Rochelle", 77_205);
        onboardCity(lyon, "Lyon", 522_250);
        String pilot = startPilot(larochelle, "Bins of " + larochelle, 3);
        String lea = identities.citizenToken(lyon, "lea");

        ServiceClient.Response herList = governance.cityAs(lea, lyon, "GET", "/governance/portal/pilots?lang=en", null);
        assertThat(herList.body())
                .doesNotContain(pilot, "Bins of " + larochelle)
                .contains("There is no pilot in your city");
        ServiceClient.Response onTheirHost =
                governance.cityAs(lea, larochelle, "GET", "/governance/portal/pilots", null);
        assertThat(onTheirHost.status()).isEqualTo(403);
        assertThat(onTheirHost.problemType()).isEqualTo("wrong-city");
        ServiceClient.Response joinFromHerHost =
                governance.cityAs(lea, lyon, "POST", "/governance/portal/pilots/" + pilot + "/panel?lang=en", null);
        assertThat(joinFromHerHost.body()).contains("id=\"pilots-error\"");
        assertThat(governance
                        .city(larochelle, "GET", "/governance/pilots/" + pilot, null)
                        .json()
                        .path("panelSize")
                        .asInt())
                .isZero();
        assertThat(governance.platform("GET", "/governance/portal/pilots", null).status())
                .isEqualTo(404);
    }

    private String startPilot(String city, String title, int stopVotesRequired) {
        ServiceClient.Response started = governance.platform(
                "POST",
                "/governance/pilots",
                Map.of(
                        "city",
                        city,
                        "module",
                        EnergyPilotModule.MODULE_ID,
                        "title",
                        title,
                        "stopVotesRequired",
                        stopVotesRequired));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().path("id").asString();
    }
}
