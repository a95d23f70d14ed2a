package eu.selfdata.tenant.modules.waste;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.backup.BackupClient;
import eu.selfdata.tenant.support.ServiceClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A city with both modules is backed up, restored into a city onboarded empty, and compared: the same
 * rows in every table, the same consents and receipts, the operator's files, and the citizen signs in
 * on the restored city's host and finds their own data.
 */
class CityBackupRoundTripTest extends WasteTest {

    private static final List<String> MODULES = List.of("waste", "mobility-carbon");

    @Test
    void aCityWithBothModulesRoundTripsThroughAnEncryptedArchive() throws IOException {
        String source = onboard(freshSlug("rt-src"), "Source", MODULES);
        connectors.reconcile();
        String name = person("rt");
        String token = identities.citizenToken(source, name);
        consent(token, source, "GIVEN");
        ServiceClient.Response app = client.cityAs(
                token, source, "PUT", "/api/me/consents/mobility-app-import", Map.of("decision", "GIVEN"));
        assertThat(app.status()).as(app.body()).isEqualTo(200);
        linkProven(token, source, "RT-0001", 3);
        importFile(source, "march.csv", HEADER + "RT-0001,2026-03-02T07:15:00+01:00,residual,12,R1\n");
        ServiceClient.Response batch = client.cityAs(
                token,
                source,
                "POST",
                "/api/mobility-carbon/traces",
                Map.of(
                        "points",
                        List.of(
                                Map.of("time", "2026-03-02T08:00:00Z", "lat", 46.1558, "lon", -1.1532, "accuracy", 8),
                                Map.of(
                                        "time",
                                        "2026-03-02T08:00:10Z",
                                        "lat",
                                        46.1559,
                                        "lon",
                                        -1.1531,
                                        "accuracy",
                                        8))));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        JsonNode consentsBefore =
                client.cityAs(token, source, "GET", "/api/me/consents", null).json();
        String citizen = citizenId(token, source);

        ServiceClient.Response created = client.platform("POST", "/platform/tenants/" + source + "/backups", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        BackupClient backups = new BackupClient(port, signature::sign, identities.coordinatorToken());
        byte[] archive = backups.download(created.location()).body();

        String target = onboard(freshSlug("rt-dst"), "Target", MODULES);
        ServiceClient.Response restored = backups.restore(target, archive);

        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().path("archivedCity").asString()).isEqualTo(source);
        // the citizen and the city admin who validated the bin link: both known to the identity server
        assertThat(restored.json().path("members").asInt()).isEqualTo(2);
        assertThat(counts(target)).isEqualTo(counts(source)).containsEntry("citizen", 2L);
        assertThat(counts(target).get("waste_weighing")).isPositive();
        assertThat(relativeFiles(target)).isNotEmpty().isEqualTo(relativeFiles(source));

        String restoredToken = identities.tokenIn(name + "@" + source + ".tests.selfdata.eu", target);
        assertThat(citizenId(restoredToken, target)).isEqualTo(citizen);
        JsonNode consentsAfter = client.cityAs(restoredToken, target, "GET", "/api/me/consents", null)
                .json();
        assertThat(consentsAfter).isEqualTo(consentsBefore);
        ServiceClient.Response receipts = client.cityAs(restoredToken, target, "GET", "/api/me/consent-receipts", null);
        assertThat(receipts.status()).as(receipts.body()).isEqualTo(200);
        assertThat(receipts.body())
                .isEqualTo(client.cityAs(token, source, "GET", "/api/me/consent-receipts", null)
                        .body());
        assertThat(client.cityAs(restoredToken, target, "GET", "/api/waste/me/summary", null)
                        .status())
                .isEqualTo(200);
        // the restored city cannot open the archived city's signing key (sealed for that city): it retires
        // it and signs new receipts with its own, while the archived receipts still verify with the old one
        ServiceClient.Response withdrawn =
                client.cityAs(restoredToken, target, "DELETE", "/api/me/consents/mobility-app-import", null);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(client.city(target, "GET", "/api/consent-receipt-keys", null)
                        .json()
                        .path("keys")
                        .size())
                .isEqualTo(2);
        // new rows after the restore get fresh keys: the sequences follow the restored rows
        assertThat(client.cityAs(
                                restoredToken,
                                target,
                                "POST",
                                "/api/mobility-carbon/traces",
                                Map.of(
                                        "points",
                                        List.of(Map.of(
                                                "time",
                                                "2026-03-03T08:00:00Z",
                                                "lat",
                                                46.1558,
                                                "lon",
                                                -1.1532,
                                                "accuracy",
                                                8))))
                        .status())
                .isEqualTo(201);
    }

    private Map<String, Long> counts(String city) {
        Map<String, Long> counts = new TreeMap<>();
        database()
                .sql("select table_name from information_schema.tables where table_schema = :schema"
                        + " and table_type = 'BASE TABLE' and table_name not in"
                        + " ('databasechangelog', 'databasechangeloglock', 'connector_secret')")
                .param("schema", eu.selfdata.tenant.tenancy.TenantId.of(city).schemaName())
                .query(String.class)
                .list()
                .forEach(table -> counts.put(
                        table,
                        database()
                                .sql("select count(*) from " + schema(city) + ".\"" + table + "\"")
                                .query(Long.class)
                                .single()));
        return counts;
    }

    private List<String> relativeFiles(String city) throws IOException {
        Path folder = folders.city(city);
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString())
                    .sorted()
                    .toList();
        }
    }
}
