package eu.selfdata.governance.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.governance.support.GovernanceTest;
import eu.selfdata.tenant.support.ServiceClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReadinessTest extends GovernanceTest {

    @Test
    void theSummaryShowsUnansweredAndNegativeItemsOfTheRoadmapChecklist() {
        String city = freshSlug("ready");
        UUID partner = onboardCity(city, "Ready", 30_000);
        String admin = identities.cityAdminToken(city);
        JsonNode questionnaire = governance
                .city(city, "GET", "/governance/readiness/questionnaire", null)
                .json();
        assertThat(questionnaire.path("version").asString()).isEqualTo("fing-2021");
        assertThat(questionnaire
                        .path("sections")
                        .valueStream()
                        .map(s -> s.path("title").asString())
                        .toList())
                .containsExactly("Culture Self Data", "Intention", "Ressources", "Partenariats", "Gestion des risques");

        answer(admin, partner, "culture-awareness", "YES", null);
        answer(admin, partner, "resources-financial", "NO", "Contributions cover 60 % of the cost");
        answer(admin, partner, "risks-identified", "PARTLY", null);

        JsonNode summary = governance
                .platformAs(admin, "GET", "/governance/readiness/partners/" + partner + "/summary", null)
                .json();
        assertThat(summary.path("ready").asBoolean()).isFalse();
        assertThat(summary.path("answered").asInt()).isEqualTo(3);
        assertThat(summary.path("total").asInt()).isEqualTo(11);
        JsonNode resources = section(summary, "resources");
        assertThat(resources.path("unanswered").toString())
                .contains("resources-technical", "resources-human")
                .doesNotContain("resources-financial");
        assertThat(resources.path("concerns").get(0).path("note").asString())
                .isEqualTo("Contributions cover 60 % of the cost");
        assertThat(section(summary, "risks")
                        .path("concerns")
                        .get(0)
                        .path("answer")
                        .asString())
                .isEqualTo("PARTLY");
        assertThat(section(summary, "culture").path("unanswered").toString())
                .contains("culture-values")
                .doesNotContain("culture-awareness");
    }

    @Test
    void aPartnerSeesOnlyItsOwnChecklistAndUnknownItemsAreRefused() {
        String city = freshSlug("mine");
        String other = freshSlug("theirs");
        UUID mine = onboardCity(city, "Mine", 1_000);
        onboardCity(other, "Theirs", 1_000);

        ServiceClient.Response byOther = governance.platformAs(
                identities.cityAdminToken(other), "GET", "/governance/readiness/partners/" + mine + "/summary", null);
        ServiceClient.Response writeByOther = governance.platformAs(
                identities.cityAdminToken(other),
                "PUT",
                "/governance/readiness/partners/" + mine + "/answers/culture-values",
                Map.of("answer", "NO"));
        ServiceClient.Response unknown = governance.platformAs(
                identities.cityAdminToken(city),
                "PUT",
                "/governance/readiness/partners/" + mine + "/answers/no-such-item",
                Map.of("answer", "YES"));
        ServiceClient.Response badAnswer = governance.platformAs(
                identities.cityAdminToken(city),
                "PUT",
                "/governance/readiness/partners/" + mine + "/answers/culture-values",
                Map.of("answer", "MAYBE"));

        assertThat(byOther.status()).isEqualTo(403);
        assertThat(writeByOther.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(badAnswer.status()).isEqualTo(400);
        assertThat(governance
                        .platform("GET", "/governance/readiness/partners/" + mine + "/summary", null)
                        .json()
                        .path("answered")
                        .asInt())
                .isZero();
    }

    private void answer(String token, UUID partner, String item, String answer, String note) {
        Map<String, String> body = note == null ? Map.of("answer", answer) : Map.of("answer", answer, "note", note);
        ServiceClient.Response response = governance.platformAs(
                token, "PUT", "/governance/readiness/partners/" + partner + "/answers/" + item, body);
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private static JsonNode section(JsonNode summary, String id) {
        return summary.path("sections")
                .valueStream()
                .filter(s -> s.path("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
