package eu.selfdata.tenant.modules.waste;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The portal page /my/waste rendered by the real tenant-service: weighings imported by the real connector, consents of the core. */
class WastePageTest extends WasteTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void withoutTheImportConsentThePageExplainsItAndLinksToTheConsentsPageAndLinkingIsRefused() {
        String city = wasteCity("larochelle");
        String camille = identities.citizenToken(city, person("camille"));

        Document page = page(camille, city, "en");

        assertThat(page.selectFirst("#no-weighings")).isNotNull();
        assertThat(page.selectFirst("#sorting-rate").text()).isEqualTo("no figure yet");
        assertThat(page.selectFirst("#national-source").text()).contains("ADEME");
        assertThat(page.selectFirst("#national-reference").text())
                .contains("335 kg")
                .contains("254 kg");
        assertThat(page.selectFirst("#bin-consent-missing a").attr("href")).isEqualTo("/my/consents#purpose-" + IMPORT);
        assertThat(page.selectFirst("#link-bin")).isNull();
        assertThat(page.select("nav.menu a[href='/my/waste']").text()).isEqualTo("My waste");
        assertThat(page(camille, city, "fr").selectFirst("h1").text()).isEqualTo("Mes déchets ménagers");

        ServiceClient.Response refused = link(camille, city, "LR-0100");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.body()).selectFirst("#bin-error").text()).contains("Give the consent");
        assertThat(database()
                        .sql("select count(*) from " + schema(city) + ".waste_bin_link")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aLinkedBinsWeighingsShowPerMonthAndStreamWithTheSortingRateAndASuppressedCityAverage() {
        String city = wasteCity("larochelle");
        String camille = identities.citizenToken(city, person("camille"));
        consent(camille, city, "GIVEN");
        assertThat(page(camille, city, "en").selectFirst("#link-bin")).isNotNull();

        ServiceClient.Response linked = link(camille, city, "LR-0101");
        assertThat(linked.status()).isEqualTo(302);
        assertThat(linked.location()).as("waits for the city's validation").contains("pending");
        assertThat(page(camille, city, "en").select("#linked-bins .bin").text()).contains("waiting for the city");
        validate(city, "LR-0101");
        importFile(
                city,
                "march.csv",
                HEADER
                        + "LR-0101,2026-03-02T07:15:00+01:00,residual,12.5,R1\n"
                        + "LR-0101,2026-03-09T07:15:00+01:00,recyclables,4.5,R1\n"
                        + "LR-0101,2026-04-06T07:15:00+02:00,glass,3,R1\n");

        Document page = page(camille, city, "en");
        assertThat(page.select("#linked-bins .bin-id").text()).isEqualTo("LR-0101");
        assertThat(page.select("#waste-months tbody tr")).hasSize(2);
        assertThat(page.select("#waste-months tbody tr")
                        .first()
                        .select("th, td")
                        .eachText())
                .containsExactly(
                        "2026-03", "12.5", "4.5", "0", "0", "17.0", "17.0", "not enough participants (fewer than 10)");
        assertThat(page.selectFirst("#sorting-rate").text()).isEqualTo("38%");
        assertThat(page.selectFirst("#city-average").text()).contains("2026-04").contains("not enough participants");
        assertThat(page.selectFirst("#waste-chart").attr("aria-label")).isNotBlank();

        ServiceClient.Response unlinked =
                client.formAs(camille, city, "en", "/my/waste/bins/LR-0101/unlink", FORM, new byte[0]);
        assertThat(unlinked.status()).isEqualTo(302);
        assertThat(page(camille, city, "en").selectFirst("#no-bin")).isNotNull();
    }

    @Test
    void theNextCollectionsOfMyStreetComeFromTheCitysCalendar() {
        String city = wasteCity("larochelle");
        String camille = identities.citizenToken(city, person("camille"));
        database()
                .sql("insert into " + schema(city)
                        + ".waste_collection_day (street, stream, weekday) values ('Rue du Palais', 'GLASS', 3)")
                .update();
        LocalDate wednesday =
                LocalDate.now(ZoneId.of("Europe/Paris")).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));

        ServiceClient.Response response = client.pageAs(camille, city, "en", "/my/waste?street=rue+du+palais");

        assertThat(response.status()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("#collections tbody td").eachText())
                .containsExactly(
                        "Wednesday " + wednesday.getDayOfMonth() + " "
                                + wednesday
                                        .getMonth()
                                        .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                                + " " + wednesday.getYear(),
                        "Glass");
        assertThat(page.selectFirst("#street").attr("value")).isEqualTo("rue du palais");
        assertThat(Jsoup.parse(client.pageAs(camille, city, "en", "/my/waste?street=Nowhere")
                                .body())
                        .selectFirst("#no-collection"))
                .isNotNull();
    }

    @Test
    void aCitizenOfOneCityGetsNoWastePageOfAnotherAndTheSameBinIdStaysWithItsOwnCity() {
        String larochelle = wasteCity("larochelle");
        String lyon = wasteCity("lyon");
        String name = person("twin");
        String inRochelle = identities.citizenToken(larochelle, name);
        String inLyon = identities.citizenToken(lyon, name);
        consent(inRochelle, larochelle, "GIVEN");
        consent(inLyon, lyon, "GIVEN");
        assertThat(link(inRochelle, larochelle, "SAME-1").status()).isEqualTo(302);
        assertThat(link(inLyon, lyon, "SAME-1").status()).isEqualTo(302);
        validate(larochelle, "SAME-1");
        validate(lyon, "SAME-1");
        importFile(lyon, "lyon.csv", HEADER + "SAME-1,2026-03-02T07:15:00+01:00,glass,5,R1\n");

        ServiceClient.Response foreignPage = client.pageAs(inRochelle, lyon, "en", "/my/waste");
        ServiceClient.Response foreignUnlink =
                client.formAs(inRochelle, lyon, "en", "/my/waste/bins/SAME-1/unlink", FORM, new byte[0]);
        ServiceClient.Response neighbourUnlink = client.formAs(
                identities.citizenToken(lyon, person("neighbour")),
                lyon,
                "en",
                "/my/waste/bins/SAME-1/unlink",
                FORM,
                new byte[0]);

        assertThat(foreignPage.status()).isEqualTo(403);
        assertThat(foreignUnlink.status()).isEqualTo(403);
        assertThat(neighbourUnlink.status()).isEqualTo(404);
        assertThat(page(inLyon, lyon, "en").select("#linked-bins .bin-id").text())
                .isEqualTo("SAME-1");
        assertThat(page(inLyon, lyon, "en").select("#waste-months tbody tr")).hasSize(1);
        assertThat(page(inRochelle, larochelle, "en").select("#waste-months tbody tr"))
                .isEmpty();
    }

    @Test
    void aCityWithoutTheModuleAnswers404OnThePage() {
        String niort = onboard(freshSlug("niort"), "Niort");
        String camille = identities.citizenToken(niort, person("camille"));

        assertThat(client.pageAs(camille, niort, "en", "/my/waste").status()).isEqualTo(404);
        assertThat(client.formAs(
                                camille,
                                niort,
                                "en",
                                "/my/waste/bins",
                                FORM,
                                "binId=LR-1".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(404);
    }

    private void validate(String city, String binId) {
        assertThat(client.cityAs(
                                identities.cityAdminToken(city),
                                city,
                                "POST",
                                "/api/waste/city/bin-claims/" + binId + "/validate",
                                null)
                        .status())
                .isEqualTo(204);
    }

    private Document page(String token, String city, String language) {
        ServiceClient.Response response = client.pageAs(token, city, language, "/my/waste");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private ServiceClient.Response link(String token, String city, String binId) {
        return client.formAs(
                token,
                city,
                "en",
                "/my/waste/bins",
                FORM,
                ("binId=" + binId + "&householdSize=1").getBytes(StandardCharsets.UTF_8));
    }
}
