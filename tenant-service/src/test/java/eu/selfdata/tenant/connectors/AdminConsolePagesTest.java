package eu.selfdata.tenant.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.ConnectorHost;
import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.waste.weighing.WeighingsFolderTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The city admin console's connectors and dashboards pages, served by the real tenant-service with
 * real tokens: a city's admin acts on her city's dead letters and indicators only, by the same ids
 * another city also has.
 */
class AdminConsolePagesTest extends SelfDataTest {

    private static final String HEADER = "bin_id,timestamp,stream,weight_kg,round\n";
    private static final String NEGATIVE = "LR-0003,2026-03-02T07:30:00+01:00,residual,-3,R1";
    private static final String PLASTIC = "LR-0004,2026-03-02T07:35:00+01:00,plastic,3,R1";

    @Autowired
    ConnectorHost connectors;

    @Autowired
    CityFolders folders;

    @Test
    void theAdminRetriesACorrectedRecordAndDiscardsAnotherOfHerCityOnlyThoughTheOtherCityHasTheSameIds() {
        String larochelle = wasteCity("larochelle");
        String lyon = wasteCity("lyon");
        importFile(larochelle, HEADER + NEGATIVE + "\n" + PLASTIC + "\n");
        importFile(lyon, HEADER + NEGATIVE + "\n" + PLASTIC + "\n");
        long negative = letterId(larochelle, 2);
        long plastic = letterId(larochelle, 3);
        assertThat(letterId(lyon, 2))
                .as("each city numbers its own dead letters")
                .isEqualTo(negative);
        String admin = identities.cityAdminToken(larochelle);
        String lyonAdmin = identities.cityAdminToken(lyon);

        ServiceClient.Response page = client.cityAs(admin, larochelle, "GET", "/admin/connectors?lang=en", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "id=\"connector-waste-weighings-csv\"",
                        "id=\"dead-letter-" + negative + "\"",
                        NEGATIVE,
                        "negative weight",
                        "unknown stream");

        // Lyon's admin: refused on La Rochelle's host; on her own host, the same ids are Lyon's letters
        assertThat(client.cityAs(lyonAdmin, larochelle, "GET", "/admin/connectors", null)
                        .status())
                .isEqualTo(403);
        assertThat(client.formAs(
                                lyonAdmin,
                                larochelle,
                                "/admin/connectors/dead-letters/" + negative + "/discard",
                                Map.of())
                        .status())
                .isEqualTo(403);
        ServiceClient.Response lyonDiscards =
                client.formAs(lyonAdmin, lyon, "/admin/connectors/dead-letters/" + negative + "/discard", Map.of());
        assertThat(lyonDiscards.status()).isEqualTo(302);
        assertThat(status(lyon, negative)).isEqualTo("DISCARDED");
        assertThat(status(larochelle, negative)).isEqualTo("OPEN");
        assertThat(client.cityAs(identities.citizenToken(larochelle), larochelle, "GET", "/admin/connectors", null)
                        .status())
                .isEqualTo(403);

        ServiceClient.Response stillBad = client.formAs(
                admin,
                larochelle,
                "/admin/connectors/dead-letters/" + negative + "/retry?lang=en",
                Map.of("record", NEGATIVE));
        assertThat(stillBad.status()).isEqualTo(422);
        assertThat(stillBad.body()).contains("id=\"connectors-error\"", "negative weight");
        assertThat(status(larochelle, negative)).isEqualTo("OPEN");

        ServiceClient.Response fixed = client.formAs(
                admin,
                larochelle,
                "/admin/connectors/dead-letters/" + negative + "/retry",
                Map.of("record", NEGATIVE.replace(",-3,", ",3,")));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(302);
        assertThat(fixed.location()).endsWith("/admin/connectors?done=retried");
        assertThat(status(larochelle, negative)).isEqualTo("RETRIED");
        assertThat(database()
                        .sql("select sum(grams) from " + schema(larochelle) + ".waste_anonymous_tonnage")
                        .query(Long.class)
                        .single())
                .isEqualTo(3_000);

        assertThat(client.formAs(admin, larochelle, "/admin/connectors/dead-letters/" + plastic + "/discard", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(status(larochelle, plastic)).isEqualTo("DISCARDED");
        // Lyon's letter of the same line: its id may differ (a redelivered failure takes a sequence value)
        assertThat(status(lyon, letterId(lyon, 3))).isEqualTo("OPEN");
        ServiceClient.Response twice = client.formAs(
                admin, larochelle, "/admin/connectors/dead-letters/" + plastic + "/discard?lang=en", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(client.cityAs(admin, larochelle, "GET", "/admin/connectors?lang=en", null)
                        .body())
                .doesNotContain("id=\"dead-letter-" + negative + "\"", "id=\"dead-letter-" + plastic + "\"")
                .contains("No open dead letter.");
    }

    @Test
    void theDashboardShowsAGroupUnderKAsSuppressedNeverZero_andOnlyHerCitysIndicators() {
        String nantes = cityWithObservations("nantes", "Nantes");
        String brest = cityWithObservations("brest", "Brest");
        String camille = identities.citizenToken(nantes, person("camille"));
        observe(camille, nantes, "bikes-in-nantes", 3);
        giveConsent(camille, nantes);
        String yann = identities.citizenToken(brest, person("yann"));
        observe(yann, brest, "boats-in-brest", 2);
        giveConsent(yann, brest);
        ageAccounts(nantes);
        ageAccounts(brest);
        String admin = identities.cityAdminToken(nantes);

        ServiceClient.Response before = client.cityAs(admin, nantes, "GET", "/admin/dashboards?lang=en", null);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.body()).contains("Observations per kind", "Not computed yet");

        ServiceClient.Response computed = client.formAs(admin, nantes, "/admin/dashboards/computations", Map.of());
        assertThat(computed.status()).isEqualTo(302);
        ServiceClient.Response after = client.cityAs(admin, nantes, "GET", "/admin/dashboards?lang=en", null);
        assertThat(after.body())
                .contains(
                        "bikes-in-nantes",
                        "Suppressed: fewer than 10 participants",
                        "role=\"img\"",
                        "1 suppressed groups")
                .doesNotContain("class=\"value\"", "boats-in-brest");

        // Nantes' admin on Brest's host: refused, and nothing computed there
        String brestSnapshots = "select count(*) from " + schema(brest) + ".indicator_snapshot";
        long brestBefore = database().sql(brestSnapshots).query(Long.class).single();
        assertThat(client.cityAs(admin, brest, "GET", "/admin/dashboards", null).status())
                .isEqualTo(403);
        assertThat(client.formAs(admin, brest, "/admin/dashboards/computations", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(database().sql(brestSnapshots).query(Long.class).single()).isEqualTo(brestBefore);
        assertThat(client.cityAs(camille, nantes, "GET", "/admin/dashboards", null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aCitizenFindsThePilotsPageWhichLoadsGovernancesListInHerLanguage() {
        String city = cityWithObservations("lorient", "Lorient");
        ServiceClient.Response page =
                client.cityAs(identities.citizenToken(city), city, "GET", "/my/pilots?lang=fr", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "hx-get=\"/governance/portal/pilots?lang=fr\"",
                        "Expérimentations soumises au vote",
                        "id=\"pilots-link\"");
        assertThat(client.city(city, "GET", "/my/pilots", null).status()).isEqualTo(401);
    }

    private String wasteCity(String prefix) {
        String city = onboard(freshSlug(prefix), prefix, List.of("waste"));
        connectors.reconcile();
        return city;
    }

    /** Drops the file as the operator would and waits until the connector moved it to done/. */
    private void importFile(String city, String content) {
        Path inbox = folders.dropFolder(city, WeighingsFolderTemplate.FOLDER.defaultValue())
                .inbox();
        Path done = folders.dropFolder(city, WeighingsFolderTemplate.FOLDER.defaultValue())
                .done();
        try {
            Files.createDirectories(inbox);
            Path partial = inbox.resolve("bad.csv.part");
            Files.writeString(partial, content);
            Files.move(partial, inbox.resolve("bad.csv"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Files.isDirectory(done)
                        && Files.list(done)
                                .anyMatch(file -> file.getFileName().toString().endsWith("bad.csv")));
    }

    private long letterId(String city, long line) {
        return database()
                .sql("select id from " + schema(city) + ".connector_dead_letter where line_number = ?")
                .param(line)
                .query(Long.class)
                .single();
    }

    private String status(String city, long id) {
        return database()
                .sql("select status from " + schema(city) + ".connector_dead_letter where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }
}
