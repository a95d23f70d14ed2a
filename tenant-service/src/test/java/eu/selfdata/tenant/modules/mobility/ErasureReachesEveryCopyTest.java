package eu.selfdata.tenant.modules.mobility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.tenancy.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Erasure after a flow that leaves copies everywhere: an uploaded GPX, trace files the app operator dropped
 * (taken in and refused), a dead letter naming the citizen and the processed-delivery key. Afterwards no
 * column of the city schema and no file below the city's folder holds the citizen's id, subject or e-mail,
 * while another city with the very same files and rows keeps them all.
 */
class ErasureReachesEveryCopyTest extends MobilityTest {

    @Test
    void noIdSubjectOrEmailIsLeftInTheSchemaOrTheDropFoldersAndTheOtherCityKeepsItsCopies() throws IOException {
        String city = mobilityCity("erasure", "La Rochelle");
        String otherCity = mobilityCity("untouched", "Lyon");
        String name = person("leaver");
        String email = name + "@" + city + ".tests.selfdata.eu";
        String token = identities.citizenToken(city, name);
        String subject = subject(token);
        String id = citizenId(token, city);
        uploaded(token, city, Traces.drive(7, Instant.parse("2026-03-02T07:00:00Z"), 4000));
        List<Path> files = leaveConnectorCopies(city, id, subject);
        List<Path> otherFiles = leaveConnectorCopies(otherCity, id, subject);
        assertThat(holders(city, id, subject, email)).isNotEmpty();

        ServiceClient.Response erased = client.cityAs(token, city, "DELETE", "/api/me", Map.of("confirm", "ERASE"));

        assertThat(erased.status()).as(erased.body()).isEqualTo(202);
        assertThat(erased.json().path("state").asString()).isEqualTo("DONE");
        assertThat(holders(city, id, subject, email)).isEmpty();
        assertThat(files).noneMatch(Files::exists);
        try (Stream<Path> left = Files.walk(DATA.resolve("connectors").resolve(city))) {
            assertThat(left.map(path -> path.getFileName().toString().toLowerCase()))
                    .noneMatch(file -> file.contains(id));
        }
        assertThat(otherFiles).allMatch(Files::exists);
        assertThat(holders(otherCity, id, subject, email))
                .containsExactlyInAnyOrder(
                        "connector_dead_letter.source",
                        "connector_dead_letter.reason",
                        "connector_processed.message_key");
    }

    @Test
    void noModuleRowCanBeWrittenForAnAccountThatIsGone() {
        String city = mobilityCity("orphans", "La Rochelle");
        String token = identities.citizenToken(city, person("leaver"));
        String id = citizenId(token, city);
        assertThat(client.cityAs(token, city, "DELETE", "/api/me", Map.of("confirm", "ERASE"))
                        .status())
                .isEqualTo(202);

        assertThatThrownBy(() -> database()
                        .sql(
                                "insert into " + schema(city)
                                        + ".mobility_upload (citizen_id, format, points_read, points_stored) values (?::uuid, 'GPX', 1, 1)")
                        .param(id)
                        .update())
                .as("a replica or a connector still holding the erased id writes nothing")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    /** What the trace-drop connector leaves for one delivery taken in and one refused. */
    private List<Path> leaveConnectorCopies(String city, String id, String subject) throws IOException {
        Path drop = DATA.resolve("connectors").resolve(city).resolve("mobility-trace-drop");
        List<Path> files = new ArrayList<>();
        for (String file : List.of(
                "done/20260302070000000-" + id + "_morning.gpx", "failed/" + id.toUpperCase() + "_evening.gpx")) {
            Path path = drop.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "<gpx/>", StandardCharsets.UTF_8);
            files.add(path);
        }
        database()
                .sql(
                        "insert into " + schema(city)
                                + ".connector_dead_letter (template, source, source_key, reason) values ('mobility-trace-drop', ?, 'sha256:ab', ?)")
                .params(
                        id.toUpperCase() + "_evening.gpx",
                        "citizen " + id + " has not let the app operator deliver traces")
                .update();
        database()
                .sql("insert into " + schema(city)
                        + ".connector_processed (template, message_key) values ('mobility-trace-drop', ?)")
                .param(id + "/sha256:cd")
                .update();
        return files;
    }

    /** Every text column of the city's schema holding one of the identifiers somewhere in a value. */
    private List<String> holders(String city, String... identifiers) {
        List<String> holders = new ArrayList<>();
        database()
                .sql("""
                        select table_name, column_name from information_schema.columns
                         where table_schema = ? and data_type in ('uuid', 'text', 'character varying', 'jsonb', 'json')""")
                .param(TenantId.of(city).schemaName())
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .list()
                .forEach(column -> {
                    for (String identifier : identifiers) {
                        boolean found = database()
                                .sql("select exists (select 1 from " + schema(city) + ".\"" + column[0]
                                        + "\" where strpos(lower(\"" + column[1] + "\"::text), lower(?)) > 0)")
                                .param(identifier)
                                .query(Boolean.class)
                                .single();
                        if (found && !holders.contains(column[0] + "." + column[1])) {
                            holders.add(column[0] + "." + column[1]);
                        }
                    }
                });
        return holders;
    }

    private static String subject(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(payload).path("sub").asString();
    }
}
