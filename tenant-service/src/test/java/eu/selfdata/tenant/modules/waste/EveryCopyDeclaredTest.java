package eu.selfdata.tenant.modules.waste;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.folders.DropFolder;
import eu.selfdata.mobility.MobilityCarbonModule;
import eu.selfdata.mobility.connector.TraceDropTemplate;
import eu.selfdata.tenant.modules.ModuleCatalogue;
import eu.selfdata.tenant.personaldata.PersonalDataCatalogue;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CopyLocation;
import eu.selfdata.usecase.api.UseCaseModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * No copy of a citizen may escape erasure, whoever adds it later: after a demo flow through every module and
 * the real connectors (a trace file delivered, one refused with a dead letter, a bin linked and its weighings
 * file imported), every column, JSON field and file name that holds the citizen's id, subject or e-mail is
 * reached by a declared source, and after the erasure none holds them any more.
 */
class EveryCopyDeclaredTest extends WasteTest {

    /** The erasure saga's own journal: it holds the identifiers until its last step empties it (ErasureSagaTest). */
    private static final String JOURNAL = "erasure";

    @Autowired
    ModuleCatalogue modules;

    @Autowired
    PersonalDataCatalogue catalogue;

    @Test
    void everyCopyOfADemoFlowIsReachedBySomeSourceAndNoneIsLeftAfterTheErasure() throws IOException {
        String city = onboard(
                freshSlug("everything"),
                "Every module",
                modules.all().stream().map(UseCaseModule::id).toList());
        connectors.reconcile();
        String name = person("demo");
        String token = identities.citizenToken(city, name);
        String id = citizenId(token, city);
        String subject = subject(token);
        String email = name + "@" + city + ".tests.selfdata.eu";
        consent(token, city, "GIVEN");
        linkProven(token, city, "DEMO-1", 2);
        importFile(city, "weighings.csv", HEADER + "DEMO-1,2026-03-02T07:15:00+01:00,residual,12.5,R1\n");
        ServiceClient.Response appImport = client.cityAs(
                token,
                city,
                "PUT",
                "/api/me/consents/" + MobilityCarbonModule.APP_IMPORT_PURPOSE,
                Map.of("decision", "GIVEN"));
        assertThat(appImport.status()).as(appImport.body()).isEqualTo(200);
        DropFolder traces = folders.dropFolder(city, TraceDropTemplate.FOLDER.defaultValue());
        deliver(traces, id + "_morning.gpx", gpx());
        deliver(
                traces,
                id + "_broken.gpx",
                "<gpx><trk><trkseg><trkpt lat=\"95\" lon=\"0\"></trkpt></trkseg></trk></gpx>");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(traces.done()) == 1 && count(traces.failed()) == 1);
        Set<String> tables = catalogue.all().stream()
                .flatMap(source -> source.tables().stream())
                .collect(Collectors.toSet());
        List<CopyLocation> copies = catalogue.copies().stream()
                .flatMap(copy -> copy.locations().stream())
                .toList();

        Set<String> holders = holders(city, id, subject, email);
        Set<String> named = namedAfterCitizens(city);
        List<Path> files = filesNamedAfter(city, id);

        assertThat(holders)
                .contains(
                        "connector_dead_letter.source",
                        "connector_processed.message_key",
                        "mobility_trace_point.citizen_id",
                        "waste_weighing.citizen_id");
        assertThat(files).hasSize(2);
        assertThat(database()
                        .sql("select failed from " + schema(city) + ".connector_health where template = ?")
                        .param(TraceDropTemplate.ID)
                        .query(Long.class)
                        .single())
                .as("the refused trace file is in the connector's health")
                .isPositive();
        assertThat(holders)
                .as("connector health keeps no identifier: not personal data, nothing to declare")
                .noneMatch(column -> column.startsWith("connector_health."));
        Set<String> unreached = new TreeSet<>();
        Stream.concat(holders.stream(), named.stream())
                .filter(column -> !reached(column, tables, copies))
                .forEach(unreached::add);
        files.stream()
                .filter(file -> copies.stream()
                        .filter(CopyLocation.Files.class::isInstance)
                        .map(CopyLocation.Files.class::cast)
                        .noneMatch(location -> location.holds(
                                file.getParent().getFileName().toString(),
                                file.getFileName().toString(),
                                CitizenId.of(id))))
                .forEach(file -> unreached.add(file.toString()));
        assertThat(unreached).as("copies of a citizen no source declares").isEmpty();

        ServiceClient.Response erased = client.cityAs(token, city, "DELETE", "/api/me", Map.of("confirm", "ERASE"));

        assertThat(erased.json().path("state").asString()).as(erased.body()).isEqualTo("DONE");
        assertThat(holders(city, id, subject, email)).isEmpty();
        assertThat(filesNamedAfter(city, id)).isEmpty();
    }

    private static boolean reached(String column, Set<String> tables, List<CopyLocation> copies) {
        String table = column.substring(0, column.indexOf('.'));
        return tables.contains(table)
                || table.equals(JOURNAL)
                || copies.contains(new CopyLocation.Column(table, column.substring(column.indexOf('.') + 1)));
    }

    /** Columns whose name says they hold a citizen's id, subject or e-mail, whether or not this flow filled them. */
    private Set<String> namedAfterCitizens(String city) {
        return new TreeSet<>(database()
                .sql("""
                        select table_name || '.' || column_name from information_schema.columns
                         where table_schema = ? and (column_name in ('citizen_id', 'subject') or column_name like '%email%')""")
                .param(TenantId.of(city).schemaName())
                .query(String.class)
                .list());
    }

    /** Every text, uuid or JSON column of the city's schema holding one of the identifiers in some value. */
    private Set<String> holders(String city, String... identifiers) {
        Set<String> holders = new TreeSet<>();
        database()
                .sql("""
                        select table_name, column_name from information_schema.columns
                         where table_schema = ? and data_type in ('uuid', 'text', 'character varying', 'jsonb', 'json')""")
                .param(TenantId.of(city).schemaName())
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(column -> {
                    for (String identifier : identifiers) {
                        if (database()
                                .sql("select exists (select 1 from " + schema(city) + ".\"" + column.get(0)
                                        + "\" where strpos(lower(\"" + column.get(1) + "\"::text), lower(?)) > 0)")
                                .param(identifier)
                                .query(Boolean.class)
                                .single()) {
                            holders.add(column.get(0) + "." + column.get(1));
                        }
                    }
                });
        return holders;
    }

    private static List<Path> filesNamedAfter(String city, String id) throws IOException {
        try (Stream<Path> files = Files.walk(DATA.resolve("connectors").resolve(city))) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase().contains(id))
                    .toList();
        }
    }

    private static void deliver(DropFolder folder, String name, String content) throws IOException {
        Path partial = folder.inbox().resolve(name + ".part");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, folder.inbox().resolve(name));
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    /** A ten-minute ride along the harbour, one point every 10 s. */
    private static String gpx() {
        StringBuilder gpx = new StringBuilder("<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk><trkseg>\n");
        Instant start = Instant.parse("2026-03-02T07:00:00Z");
        for (int i = 0; i < 60; i++) {
            gpx.append("<trkpt lat=\"")
                    .append(46.15 + i * 0.0005)
                    .append("\" lon=\"")
                    .append(-1.15 + i * 0.0005)
                    .append("\"><time>")
                    .append(start.plusSeconds(10L * i))
                    .append("</time></trkpt>\n");
        }
        return gpx.append("</trkseg></trk></gpx>").toString();
    }

    private static String subject(String token) {
        return JsonMapper.builder()
                .build()
                .readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .path("sub")
                .asString();
    }
}
