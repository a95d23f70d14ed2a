package eu.selfdata.tenant.modules.waste;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.ConnectorHost;
import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.waste.weighing.WeighingsFolderTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;

/** Cities with the waste module and its connectors running, citizens who consent, operator files dropped as the operator would. */
abstract class WasteTest extends SelfDataTest {

    static final String IMPORT = "waste-weighings-import";
    static final String HEADER = "bin_id,timestamp,stream,weight_kg,round\n";

    @Autowired
    ConnectorHost connectors;

    @Autowired
    CityFolders folders;

    String wasteCity(String prefix) {
        String city = onboard(freshSlug(prefix), prefix, List.of("waste"));
        connectors.reconcile();
        return city;
    }

    void consent(String token, String city, String decision) {
        ServiceClient.Response given =
                client.cityAs(token, city, "PUT", "/api/me/consents/" + IMPORT, Map.of("decision", decision));
        assertThat(given.status()).as(given.body()).isEqualTo(200);
    }

    /** Links the bin without a code, then has the city admin validate it: a proven link. */
    void linkProven(String token, String city, String binId, int householdSize) {
        ServiceClient.Response pending = client.cityAs(
                token, city, "POST", "/api/waste/bins", Map.of("binId", binId, "householdSize", householdSize));
        assertThat(pending.status()).as(pending.body()).isEqualTo(202);
        ServiceClient.Response validated = client.cityAs(
                identities.cityAdminToken(city),
                city,
                "POST",
                "/api/waste/city/bin-claims/" + binId + "/validate",
                null);
        assertThat(validated.status()).as(validated.body()).isEqualTo(204);
    }

    void importFile(String city, String name, String content) {
        importFile(city, name, content, StandardCharsets.UTF_8);
    }

    /** Drops the file as the operator would and waits until the connector moved it to done/. */
    void importFile(String city, String name, String content, java.nio.charset.Charset charset) {
        Path inbox = folders.dropFolder(city, WeighingsFolderTemplate.FOLDER.defaultValue())
                .inbox();
        Path done = folders.dropFolder(city, WeighingsFolderTemplate.FOLDER.defaultValue())
                .done();
        try {
            Files.createDirectories(inbox);
            Path partial = inbox.resolve(name + ".part");
            Files.writeString(partial, content, charset);
            Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Files.isDirectory(done)
                        && Files.list(done)
                                .anyMatch(file -> file.getFileName().toString().endsWith(name)));
    }
}
