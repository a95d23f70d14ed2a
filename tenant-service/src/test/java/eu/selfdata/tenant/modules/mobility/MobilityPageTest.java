package eu.selfdata.tenant.modules.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The portal page /my/mobility-carbon rendered by the real tenant-service from the module's services, with real tokens. */
class MobilityPageTest extends MobilityTest {

    private static final Instant MORNING = Instant.parse("2026-03-02T07:00:00Z");
    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void thePageShowsMyTripWithItsLegModeCo2AndTheWeekAgainstTheBudget() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String camille = identities.citizenToken(city, person("camille"));
        uploaded(camille, city, Traces.drive(21, MORNING, 6000));

        Document page = page(camille, city, "en");

        Element trip = page.selectFirst(".trip");
        assertThat(page.select(".trip")).hasSize(1);
        assertThat(trip.selectFirst(".mode").text()).isEqualTo("Car");
        assertThat(trip.selectFirst(".distance").text()).matches("[56]\\.\\d km");
        assertThat(trip.selectFirst(".co2").text()).matches("\\d\\.\\d kg");
        assertThat(trip.select(".leg select[name=mode] option[selected]").text())
                .isEqualTo("Car");
        assertThat(page.select("#co2-weeks tbody tr")).hasSize(1);
        assertThat(page.selectFirst("#co2-weeks tbody th").text()).isEqualTo("2 Mar 2026");
        assertThat(page.selectFirst("#co2-chart").attr("aria-label")).isNotBlank();
        assertThat(page.selectFirst("#budget-credits").text()).matches("\\d+");
        String paths = page.selectFirst("#trip-map").attr("data-paths");
        assertThat(JSON.readTree(paths).get(0).path("tripId").asLong())
                .isEqualTo(Long.parseLong(trip.id().substring("trip-".length())));
        assertThat(JSON.readTree(paths).get(0).path("path").size()).isBetween(100, 302);
        assertThat(page.select("nav.menu a[href='/my/mobility-carbon']").text()).isEqualTo("My mobility");
        assertThat(page(camille, city, "fr").selectFirst(".trip .mode").text()).isEqualTo("Voiture");
    }

    @Test
    void correctingALegsModeFromItsFormRecomputesItsCo2() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String camille = identities.citizenToken(city, person("camille"));
        uploaded(camille, city, Traces.drive(22, MORNING, 6000));
        Element leg = page(camille, city, "en").selectFirst(".leg");
        String legId = leg.id().substring("leg-".length());
        assertThat(leg.selectFirst(".leg-co2").text()).endsWith("kg");

        ServiceClient.Response corrected = client.formAs(
                camille,
                city,
                "en",
                "/my/mobility-carbon/legs/" + legId + "/mode",
                FORM,
                "mode=WALK".getBytes(StandardCharsets.UTF_8));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(302);
        Document after = page(camille, city, "en");
        assertThat(after.selectFirst("#leg-" + legId + " .leg-mode").text()).isEqualTo("Walk (corrected by you)");
        assertThat(after.selectFirst("#leg-" + legId + " .leg-co2").text()).isEqualTo("0 g");
        assertThat(after.selectFirst(".trip .co2").text()).isEqualTo("0 g");
        assertThat(database()
                        .sql("select corrected_mode from " + schema(city) + ".mobility_leg where id = " + legId)
                        .query(String.class)
                        .single())
                .isEqualTo("WALK");
        ServiceClient.Response unknown = client.formAs(
                camille,
                city,
                "en",
                "/my/mobility-carbon/legs/" + legId + "/mode",
                FORM,
                "mode=UNKNOWN".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).isEqualTo(400);
    }

    @Test
    void theFormWithoutScriptUploadsAGpxAndARefusedFileIsExplainedWithNothingStored() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String camille = identities.citizenToken(city, person("camille"));

        ServiceClient.Response sent = uploadForm(
                camille, city, "commute.gpx", Traces.drive(23, MORNING, 6000).gpx());
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        assertThat(page(camille, city, "en").select(".trip")).hasSize(1);
        long points = rows(city, "mobility_trace_point");

        ServiceClient.Response refused = uploadForm(camille, city, "broken.gpx", "<gpx><trk><trkseg><trkpt lat=\"46\"");

        assertThat(refused.status()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("#upload-error").hasAttr("hidden")).isFalse();
        assertThat(page.selectFirst("#upload-error .problem-title").text())
                .isEqualTo("The file cannot be read as GPX or GeoJSON");
        assertThat(page.selectFirst("#upload-error .problem-detail").text()).contains("not well-formed XML");
        assertThat(page.select(".trip")).hasSize(1);
        assertThat(rows(city, "mobility_trace_point")).isEqualTo(points);
    }

    @Test
    void aCitizenOfOneCityGetsNoPageOfAnotherAndTheSameLegIdIsOnlyCorrectedByItsOwner() {
        String rochelle = mobilityCity("larochelle", "La Rochelle");
        String lyon = mobilityCity("lyon", "Lyon");
        String name = person("twin");
        String inRochelle = identities.citizenToken(rochelle, name);
        String inLyon = identities.citizenToken(lyon, name);
        uploaded(inRochelle, rochelle, Traces.drive(24, MORNING, 6000));
        uploaded(inLyon, lyon, Traces.drive(25, MORNING, 9000));
        String rochelleLeg =
                page(inRochelle, rochelle, "en").selectFirst(".leg").id();
        String lyonLeg = page(inLyon, lyon, "en").selectFirst(".leg").id();
        assertThat(rochelleLeg).isEqualTo(lyonLeg);
        String legPath = "/my/mobility-carbon/legs/" + lyonLeg.substring("leg-".length()) + "/mode";

        ServiceClient.Response foreignPage = client.pageAs(inRochelle, lyon, "en", "/my/mobility-carbon");
        ServiceClient.Response foreignCorrection =
                client.formAs(inRochelle, lyon, "en", legPath, FORM, "mode=BUS".getBytes(StandardCharsets.UTF_8));
        ServiceClient.Response neighbourCorrection = client.formAs(
                identities.citizenToken(lyon, person("neighbour")),
                lyon,
                "en",
                legPath,
                FORM,
                "mode=BUS".getBytes(StandardCharsets.UTF_8));

        assertThat(foreignPage.status()).isEqualTo(403);
        assertThat(foreignPage.body()).doesNotContain("trip-");
        assertThat(foreignCorrection.status()).isEqualTo(403);
        assertThat(neighbourCorrection.status()).isEqualTo(404);
        assertThat(database()
                        .sql("select count(*) from " + schema(lyon) + ".mobility_leg where corrected_mode is not null")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(page(inLyon, lyon, "en").selectFirst(".trip .distance").text())
                .isNotEqualTo(page(inRochelle, rochelle, "en")
                        .selectFirst(".trip .distance")
                        .text());
    }

    @Test
    void aCityWithoutTheModuleHasNoSuchPageNorMenuEntry() {
        String niort = onboard(freshSlug("niort"), "Niort");
        String camille = identities.citizenToken(niort, person("camille"));

        ServiceClient.Response page = client.pageAs(camille, niort, "en", "/my/mobility-carbon");

        assertThat(page.status()).isEqualTo(404);
        assertThat(Jsoup.parse(client.pageAs(camille, niort, "en", "/my/profile")
                                .body())
                        .select("a[href='/my/mobility-carbon']"))
                .isEmpty();
    }

    private Document page(String token, String city, String language) {
        ServiceClient.Response response = client.pageAs(token, city, language, "/my/mobility-carbon");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    /** The upload form as a browser without script posts it: multipart, field "file". */
    private ServiceClient.Response uploadForm(String token, String city, String fileName, String content) {
        String boundary = "----selfdata" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\n" + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.formAs(
                token,
                city,
                "en",
                "/my/mobility-carbon/traces",
                "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }
}
