package eu.selfdata.tenant.modules.waste;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bin ownership proof: the operator's file carries each bin's activation code, the household types it in, or the
 * city admin validates the link; a bin another account holds is a dispute the city admin resolves; weighings go
 * only to proven links; nothing of it crosses cities.
 */
class BinOwnershipTest extends WasteTest {

    static final String CODED_HEADER = "bin_id,timestamp,stream,weight_kg,round,activation_code\n";

    @Test
    void aWrongActivationCodeIsRefusedAndTheRightOneProvesTheBinAtOnce() {
        String city = wasteCity("code");
        importFile(city, "codes.csv", CODED_HEADER + "LR-ACT-1,2026-02-02T07:15:00+01:00,residual,9,R1,ABCD-2345\n");
        String camille = identities.citizenToken(city);
        consent(camille, city, "GIVEN");

        ServiceClient.Response wrong = client.cityAs(
                camille, city, "POST", "/api/waste/bins", Map.of("binId", "LR-ACT-1", "activationCode", "ZZZZ-9999"));
        ServiceClient.Response malformed = client.cityAs(
                camille, city, "POST", "/api/waste/bins", Map.of("binId", "LR-ACT-1", "activationCode", "';--"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.problemType()).isEqualTo("wrong-activation-code");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(client.cityAs(camille, city, "GET", "/api/waste/bins", null).json())
                .as("nothing linked")
                .isEmpty();

        ServiceClient.Response right = client.cityAs(
                camille,
                city,
                "POST",
                "/api/waste/bins",
                Map.of("binId", "LR-ACT-1", "activationCode", "abcd 2345", "householdSize", 2));
        assertThat(right.status()).as(right.body()).isEqualTo(201);
        assertThat(right.json().path("proven").asBoolean()).isTrue();
        importFile(city, "march.csv", HEADER + "LR-ACT-1,2026-03-02T07:15:00+01:00,residual,12,R1\n");
        assertThat(client.cityAs(camille, city, "GET", "/api/waste/me/summary", null)
                        .json()
                        .path("months"))
                .hasSize(1);
        assertThat(database()
                        .sql("select count(*) from " + schema(city)
                                + ".waste_bin_activation where code_hash like '%ABCD%'")
                        .query(Long.class)
                        .single())
                .as("only a hash is kept")
                .isZero();
    }

    @Test
    void fiveWrongCodesLockTheBinsCodeForAnHour() {
        String city = wasteCity("lock");
        importFile(city, "codes.csv", CODED_HEADER + "LR-LOCK,2026-02-02T07:15:00+01:00,glass,3,R1,RIGHT-CODE-1\n");
        String guesser = identities.citizenToken(city, "guesser");
        consent(guesser, city, "GIVEN");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(client.cityAs(
                                    guesser,
                                    city,
                                    "POST",
                                    "/api/waste/bins",
                                    Map.of("binId", "LR-LOCK", "activationCode", "GUESS" + attempt + "00"))
                            .status())
                    .isEqualTo(422);
        }
        ServiceClient.Response locked = client.cityAs(
                guesser, city, "POST", "/api/waste/bins", Map.of("binId", "LR-LOCK", "activationCode", "RIGHT-CODE-1"));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.problemType()).isEqualTo("activation-locked");
    }

    @Test
    void aPendingLinkGetsNoWeighingsUntilTheCityAdminValidatesIt() {
        String city = wasteCity("pending");
        String camille = identities.citizenToken(city);
        consent(camille, city, "GIVEN");

        ServiceClient.Response pending =
                client.cityAs(camille, city, "POST", "/api/waste/bins", Map.of("binId", "LR-PEND"));
        assertThat(pending.status()).isEqualTo(202);
        assertThat(pending.json().path("proven").asBoolean()).isFalse();
        importFile(city, "march.csv", HEADER + "LR-PEND,2026-03-02T07:15:00+01:00,residual,12,R1\n");
        assertThat(client.cityAs(camille, city, "GET", "/api/waste/me/summary", null)
                        .json()
                        .path("months"))
                .isEmpty();

        String admin = identities.cityAdminToken(city);
        JsonNode claims = client.cityAs(admin, city, "GET", "/api/waste/city/bin-claims", null)
                .json();
        assertThat(claims.path("pending").toString()).contains("LR-PEND").doesNotContain("citizen");
        assertThat(client.cityAs(admin, city, "POST", "/api/waste/city/bin-claims/LR-PEND/validate", null)
                        .status())
                .isEqualTo(204);
        importFile(city, "april.csv", HEADER + "LR-PEND,2026-04-02T07:15:00+02:00,residual,10,R1\n");
        assertThat(client.cityAs(camille, city, "GET", "/api/waste/me/summary", null)
                        .json()
                        .path("months"))
                .hasSize(1);
        assertThat(client.cityAs(admin, city, "POST", "/api/waste/city/bin-claims/LR-PEND/validate", null)
                        .status())
                .as("nothing pending any more")
                .isEqualTo(404);
    }

    @Test
    void aSecondClaimantGetsTheDisputeProblemAndTheCityAdminTransfersTheBin() {
        String city = wasteCity("dispute");
        importFile(city, "codes.csv", CODED_HEADER + "LR-DISP,2026-02-02T07:15:00+01:00,glass,3,R1,HOUSE-CODE-7\n");
        String squatter = identities.citizenToken(city, "squatter");
        String owner = identities.citizenToken(city, "owner");
        consent(squatter, city, "GIVEN");
        consent(owner, city, "GIVEN");
        linkProven(squatter, city, "LR-DISP", 1);
        importFile(city, "march.csv", HEADER + "LR-DISP,2026-03-02T07:15:00+01:00,residual,12,R1\n");

        ServiceClient.Response disputed = client.cityAs(
                owner,
                city,
                "POST",
                "/api/waste/bins",
                Map.of("binId", "LR-DISP", "activationCode", "HOUSE-CODE-7", "householdSize", 3));
        assertThat(disputed.status()).isEqualTo(409);
        assertThat(disputed.problemType()).isEqualTo("bin-disputed");
        String admin = identities.cityAdminToken(city);
        JsonNode dispute = client.cityAs(admin, city, "GET", "/api/waste/city/bin-claims", null)
                .json()
                .path("disputes")
                .get(0);
        assertThat(dispute.path("binId").asString()).isEqualTo("LR-DISP");
        assertThat(dispute.path("holderProven").asBoolean()).isTrue();
        assertThat(disputed.json().path("detail").asString())
                .contains(dispute.path("reference").asString());

        ServiceClient.Response badDecision = client.cityAs(
                admin,
                city,
                "POST",
                "/api/waste/city/bin-disputes/" + dispute.path("reference").asString() + "/resolution",
                Map.of("decision", "MAYBE"));
        ServiceClient.Response transferred = client.cityAs(
                admin,
                city,
                "POST",
                "/api/waste/city/bin-disputes/" + dispute.path("reference").asString() + "/resolution",
                Map.of("decision", "TRANSFER"));
        assertThat(badDecision.status()).isEqualTo(400);
        assertThat(transferred.status()).as(transferred.body()).isEqualTo(204);
        assertThat(client.cityAs(squatter, city, "GET", "/api/waste/bins", null).json())
                .isEmpty();
        assertThat(client.cityAs(squatter, city, "GET", "/api/waste/me/summary", null)
                        .json()
                        .path("months"))
                .as("the household's weighings leave the earlier holder")
                .isEmpty();
        JsonNode ownerBins =
                client.cityAs(owner, city, "GET", "/api/waste/bins", null).json();
        assertThat(ownerBins.get(0).path("proven").asBoolean()).isTrue();
        assertThat(ownerBins.get(0).path("householdSize").asInt()).isEqualTo(3);
        assertThat(client.cityAs(admin, city, "GET", "/api/waste/city/bin-claims", null)
                        .json()
                        .path("disputes"))
                .isEmpty();
    }

    @Test
    void claimsCodesAndDisputesStayInTheirCity() {
        String larochelle = wasteCity("lr");
        String lyon = wasteCity("ly");
        importFile(
                larochelle, "codes.csv", CODED_HEADER + "SAME-BIN,2026-02-02T07:15:00+01:00,glass,3,R1,ROCHELLE-1\n");
        String camille = identities.citizenToken(larochelle);
        String noah = identities.citizenToken(larochelle, "noah");
        String lucie = identities.citizenToken(lyon);
        consent(camille, larochelle, "GIVEN");
        consent(noah, larochelle, "GIVEN");
        consent(lucie, lyon, "GIVEN");
        linkProven(camille, larochelle, "SAME-BIN", 1);
        assertThat(client.cityAs(noah, larochelle, "POST", "/api/waste/bins", Map.of("binId", "SAME-BIN"))
                        .status())
                .isEqualTo(409);
        String reference = client.cityAs(
                        identities.cityAdminToken(larochelle), larochelle, "GET", "/api/waste/city/bin-claims", null)
                .json()
                .path("disputes")
                .get(0)
                .path("reference")
                .asString();

        ServiceClient.Response codeOfAnotherCity = client.cityAs(
                lucie, lyon, "POST", "/api/waste/bins", Map.of("binId", "SAME-BIN", "activationCode", "ROCHELLE-1"));
        assertThat(codeOfAnotherCity.status()).isEqualTo(422);
        assertThat(client.cityAs(lucie, lyon, "POST", "/api/waste/bins", Map.of("binId", "SAME-BIN"))
                        .status())
                .as("the same tag is another household's bin in Lyon")
                .isEqualTo(202);
        String lyonAdmin = identities.cityAdminToken(lyon);
        assertThat(client.cityAs(
                                lyonAdmin,
                                lyon,
                                "POST",
                                "/api/waste/city/bin-disputes/" + reference + "/resolution",
                                Map.of("decision", "TRANSFER"))
                        .status())
                .isEqualTo(404);
        assertThat(client.cityAs(lyonAdmin, lyon, "GET", "/api/waste/city/bin-claims", null)
                        .json()
                        .path("disputes"))
                .isEmpty();
        ServiceClient.Response adminOnWrongHost =
                client.cityAs(lyonAdmin, larochelle, "GET", "/api/waste/city/bin-claims", null);
        assertThat(adminOnWrongHost.status()).isEqualTo(403);
        assertThat(adminOnWrongHost.problemType()).isEqualTo("wrong-city");
        assertThat(client.cityAs(camille, larochelle, "GET", "/api/waste/city/bin-claims", null)
                        .status())
                .as("citizens are not the city")
                .isEqualTo(403);
        assertThat(client.cityAs(camille, larochelle, "GET", "/api/waste/bins", null)
                        .json()
                        .get(0)
                        .path("binId")
                        .asString())
                .isEqualTo("SAME-BIN");
    }

    @Test
    void theCityAdminValidatesPendingLinksOnHerConsolePageAndCitizensCannotOpenIt() {
        String city = wasteCity("console");
        String camille = identities.citizenToken(city);
        consent(camille, city, "GIVEN");
        assertThat(client.cityAs(camille, city, "POST", "/api/waste/bins", Map.of("binId", "LR-PAGE"))
                        .status())
                .isEqualTo(202);
        String admin = identities.cityAdminToken(city);

        ServiceClient.Response page = client.pageAs(admin, city, "fr", "/my/waste/bin-claims");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        org.jsoup.nodes.Document document = org.jsoup.Jsoup.parse(page.body());
        assertThat(document.selectFirst("h1").text()).isEqualTo("Bacs des foyers à vérifier");
        assertThat(document.select("#pending-links .bin-id").text()).isEqualTo("LR-PAGE");
        ServiceClient.Response validated = client.formAs(
                admin,
                city,
                "fr",
                "/my/waste/bin-claims/LR-PAGE/validate",
                "application/x-www-form-urlencoded",
                new byte[0]);
        assertThat(validated.status()).isEqualTo(302);
        assertThat(validated.location()).contains("done=validated");
        assertThat(client.cityAs(camille, city, "GET", "/api/waste/bins", null)
                        .json()
                        .get(0)
                        .path("proven")
                        .asBoolean())
                .isTrue();
        assertThat(client.pageAs(camille, city, "fr", "/my/waste/bin-claims").status())
                .isEqualTo(403);
    }
}
