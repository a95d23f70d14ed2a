package eu.selfdata.tenant.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.FaultInjection;
import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ErasureSagaTest extends SelfDataTest {

    private static final Map<String, String> CONFIRM = Map.of("confirm", "ERASE");

    @Autowired
    ErasureResumer resumer;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "city-data",
                "files-and-dead-letters",
                "archives",
                "governance",
                "caches",
                "identity",
                "confirmation-mail"
            })
    void aFailureAtAnyStepIsShownInProgressThenResumedToDone(String step) {
        String city = cityWithObservations("erasing", "La Rochelle");
        String name = person("leaver");
        String token = identities.citizenToken(city, name);
        observe(token, city, "bike", 2);
        String id = citizenId(token, city);
        FaultInjection.inject(city, step, FaultInjection.Fault.FAIL);

        ServiceClient.Response accepted = client.cityAs(token, city, "DELETE", "/api/me", CONFIRM);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(stateOf(accepted.json(), step)).isEqualTo("FAILED");
        ServiceClient.Response progress = client.cityAs(token, city, "GET", "/api/me/erasure", null);
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        assertThat(stateOf(progress.json(), step)).isEqualTo("FAILED");
        assertThat(client.cityAs(token, city, "GET", "/api/observations", null).status())
                .as("nothing is served to an account being erased")
                .isEqualTo(410);
        assertThat(identities.userExists(name + "@" + city + ".tests.selfdata.eu"))
                .as("the identity goes last: a failure before it leaves the citizen able to sign in")
                .isEqualTo(!step.equals("confirmation-mail"));

        resumer.resumeDue();

        assertThat(client.cityAs(token, city, "GET", "/api/me/erasure", null).status())
                .isEqualTo(404);
        assertThat(database()
                        .sql("select state from " + schema(city) + ".erasure")
                        .query(String.class)
                        .single())
                .isEqualTo("DONE");
        assertThat(database()
                        .sql("select count(*) from " + schema(city) + ".erasure_step where state <> 'DONE'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(database()
                        .sql("select count(*) from " + schema(city) + ".observation where citizen_id = ?::uuid")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(identities.userExists(name + "@" + city + ".tests.selfdata.eu"))
                .isFalse();
    }

    @Test
    void theAccountPageShowsTheErasureInProgressStepByStep() {
        String city = cityWithObservations("erasing", "La Rochelle");
        String token = identities.citizenToken(city, person("leaver"));
        citizenId(token, city);
        FaultInjection.inject(city, "governance", FaultInjection.Fault.FAIL);
        assertThat(client.cityAs(token, city, "DELETE", "/api/me", CONFIRM).status())
                .isEqualTo(202);

        ServiceClient.Response page = client.pageAs(token, city, "fr", "/my/account");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"account-erasing\"", "Votre compte est en cours")
                .contains("Panels citoyens et votes", "sera réessayé")
                .doesNotContain("id=\"delete-account\"");
        resumer.resumeDue();
    }

    @Test
    void aReplicaKilledMidStepLeavesTheStepRunningAndTheResumerReplaysItToDone() {
        String city = cityWithObservations("crashing", "La Rochelle");
        String name = person("leaver");
        String token = identities.citizenToken(city, name);
        observe(token, city, "bike", 2);
        citizenId(token, city);
        FaultInjection.inject(city, "city-data", FaultInjection.Fault.CRASH);

        assertThat(client.cityAs(token, city, "DELETE", "/api/me", CONFIRM).status())
                .isEqualTo(500);
        assertThat(stateOf(
                        client.cityAs(token, city, "GET", "/api/me/erasure", null)
                                .json(),
                        "city-data"))
                .isEqualTo("RUNNING");

        resumer.resumeDue();

        assertThat(database()
                        .sql("select state from " + schema(city) + ".erasure")
                        .query(String.class)
                        .single())
                .isEqualTo("DONE");
        assertThat(database()
                        .sql("select attempts from " + schema(city) + ".erasure_step where name = 'city-data'")
                        .query(Integer.class)
                        .single())
                .as("replayed once, idempotently")
                .isEqualTo(2);
        assertThat(identities.userExists(name + "@" + city + ".tests.selfdata.eu"))
                .isFalse();
    }

    @Test
    void aCitizenOfAnotherCityWithTheSameNameSeesNoErasureAndKeepsTheirData() {
        String city = cityWithObservations("erasing", "La Rochelle");
        String otherCity = cityWithObservations("keeping", "Lyon");
        String name = person("namesake");
        String leaver = identities.citizenToken(city, name);
        String namesake = identities.citizenToken(otherCity, name);
        observe(namesake, otherCity, "walk", 1);
        citizenId(leaver, city);
        FaultInjection.inject(city, "identity", FaultInjection.Fault.FAIL);

        assertThat(client.cityAs(leaver, city, "DELETE", "/api/me", CONFIRM).status())
                .isEqualTo(202);

        assertThat(client.cityAs(leaver, otherCity, "GET", "/api/me/erasure", null)
                        .status())
                .as("city A's token on city B's host")
                .isEqualTo(403);
        assertThat(client.cityAs(namesake, otherCity, "GET", "/api/me/erasure", null)
                        .status())
                .isEqualTo(404);
        assertThat(client.cityAs(namesake, otherCity, "GET", "/api/observations", null)
                        .json())
                .hasSize(1);
        resumer.resumeDue();
        assertThat(identities.userExists(name + "@" + otherCity + ".tests.selfdata.eu"))
                .isTrue();
    }

    private static String stateOf(JsonNode status, String step) {
        for (JsonNode record : status.path("steps")) {
            if (record.path("name").asString().equals(step)) {
                return record.path("state").asString();
            }
        }
        throw new AssertionError("no step " + step + " in " + status);
    }
}
