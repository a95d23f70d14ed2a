package eu.selfdata.tenant.support;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.testmodule.ObservationsModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Helpers for the self-data core's tests: cities with the test module, citizens who observe and consent. */
public abstract class SelfDataTest extends TenantServiceTest {

    @Autowired
    private DataSource dataSource;

    protected String cityWithObservations(String prefix, String name) {
        return onboard(freshSlug(prefix), name, List.of(ObservationsModule.ID));
    }

    /** A citizen name unique to this run (Keycloak users outlive test runs). */
    protected static String person(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected void observe(String token, String city, String kind, double value) {
        ServiceClient.Response created =
                client.cityAs(token, city, "POST", "/api/observations", Map.of("kind", kind, "value", value));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    protected ServiceClient.Response giveConsent(String token, String city) {
        ServiceClient.Response given = client.cityAs(
                token, city, "PUT", "/api/me/consents/" + ObservationsModule.PURPOSE, Map.of("decision", "GIVEN"));
        assertThat(given.status()).as(given.body()).isEqualTo(200);
        return given;
    }

    protected String citizenId(String token, String city) {
        return client.cityAs(token, city, "GET", "/api/me", null)
                .json()
                .path("id")
                .asString();
    }

    /** Downloads the citizen's export and returns its files by name. */
    protected Map<String, String> export(String token, String city) throws IOException {
        Path zip = Files.createTempFile("export", ".zip");
        try {
            assertThat(client.downloadAs(token, city, "/api/me/export", zip)).isEqualTo(200);
            Map<String, String> files = new HashMap<>();
            try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                    files.put(entry.getName(), new String(entries.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return files;
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /**
     * Makes the city's accounts older than any minimum account age, as if they had been opened weeks ago:
     * only then do they count towards k in the city's indicators.
     */
    protected void ageAccounts(String city) {
        database()
                .sql("update " + schema(city) + ".citizen set created_at = created_at - interval '100 days'")
                .update();
    }

    /** Moves the city's published indicators a period back, as if the longest period (31 days) had passed. */
    protected void passIndicatorPeriod(String city) {
        database()
                .sql("update " + schema(city)
                        + ".indicator_snapshot set computed_at = computed_at - interval '32 days'")
                .update();
    }

    /** SQL straight on the database, outside the service, to see what is really stored. */
    protected JdbcClient database() {
        return JdbcClient.create(dataSource);
    }

    protected static String schema(String city) {
        return TenantId.of(city).quotedSchema();
    }
}
