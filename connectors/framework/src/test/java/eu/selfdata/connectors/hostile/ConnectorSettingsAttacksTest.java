package eu.selfdata.connectors.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.ConnectorAdministration;
import eu.selfdata.connectors.ConnectorAdministration.ConnectorChange;
import eu.selfdata.connectors.ConnectorConfigs;
import eu.selfdata.connectors.ConnectorHealth;
import eu.selfdata.connectors.ConnectorHost;
import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.connectors.folders.DropFolder;
import eu.selfdata.connectors.settings.Setting;
import eu.selfdata.contract.CitySlug;
import eu.selfdata.testsupport.TestPostgres;
import eu.selfdata.usecase.test.TestAllowList;
import eu.selfdata.usecase.test.TestCities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A city admin attacking through connector settings, with two cities: every attack is refused with
 * a 400 naming the setting (or leaves the value inert), and changes nothing in either city.
 */
@SpringBootTest(
        classes = ProbeHost.class,
        properties = {
            "spring.main.web-application-type=none",
            "selfdata.connectors.secret-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            "selfdata.connectors.reconcile-interval=1h",
            "selfdata.test.nested={{selfdata.connectors.secret-key}}",
            "selfdata.connectors.outbound.platform-hosts=localhost,*.localhost,keycloak.platform.example",
            "camel.main.name=connector-attacks"
        })
class ConnectorSettingsAttacksTest {

    private static final Path DROP = temporaryFolder();
    private static final Set<String> ADMIN = Set.of("city-admin");
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    /** What an attacker would type to read the platform's secrets or environment, or to break out of a value. */
    private static final List<String> PLACEHOLDERS = List.of(
            "{{selfdata.connectors.secret-key}}",
            "{{env:PATH}}",
            "{{sys:user.home}}",
            "{{selfdata.test.nested}}",
            "http://127.0.0.1:1/{{selfdata.connectors.secret-key}}",
            "${env:PATH}",
            "$simple{sys.user.home}",
            "https://data.example/{{env:HOME}}",
            "probe/{{city}}",
            "{{city}}");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestPostgres.springDatasourceProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("selfdata.connectors.drop-directory", DROP::toString);
    }

    @Autowired
    TestCities cities;

    @Autowired
    ConnectorAdministration administration;

    @Autowired
    ConnectorConfigs configs;

    @Autowired
    ConnectorHost host;

    @Autowired
    ConnectorHealth health;

    @Autowired
    CityFolders folders;

    @Autowired
    CamelContext camel;

    @Autowired
    ProbeTemplate probe;

    @Autowired
    TestAllowList allowList;

    private String larochelle;
    private String lyon;

    @BeforeEach
    void twoCitiesWithTheProbeRunning() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        larochelle = cities.onboard("larochelle-" + suffix);
        lyon = cities.onboard("lyon-" + suffix);
        for (String city : List.of(larochelle, lyon)) {
            configure(city, Map.of("password", PASSWORD));
            assertThat(host.running(city, ProbeTemplate.ID)).as(city).isPresent();
        }
    }

    @Test
    void placeholdersAndFunctionsAreRefusedInEveryTypedSettingOfEitherCity() {
        Map<String, List<Map<String, Object>>> before = stored();
        for (Setting<?> setting : probe.settings()) {
            if (setting.type().secret()) {
                continue;
            }
            for (String hostile : PLACEHOLDERS) {
                ErrorResponseException refused = refusal(larochelle, Map.of(setting.name(), hostile));
                assertThat(refused.getStatusCode().value())
                        .as(setting.name() + " <- " + hostile)
                        .isEqualTo(400);
                assertThat(refused.getBody().getType()).hasToString("https://selfdata.eu/problems/invalid-setting");
                assertThat(refused.getBody().getProperties()).containsEntry("setting", setting.name());
                assertThat(refused.getBody().getDetail())
                        .contains(setting.name())
                        .doesNotContain(PASSWORD);
            }
        }
        assertThat(stored()).as("nothing changed in either city").isEqualTo(before);
    }

    @Test
    void aSecretIsTakenLiterallyNeverResolved() {
        String literal = "{{selfdata.connectors.secret-key}}{{env:PATH}}";
        configure(larochelle, Map.of("password", literal));

        assertThat(configs.choice(larochelle, ProbeTemplate.ID)
                        .orElseThrow()
                        .secrets()
                        .get("password")
                        .value())
                .isEqualTo(literal);
        assertThat(host.running(larochelle, ProbeTemplate.ID)
                        .orElseThrow()
                        .get(ProbeTemplate.PASSWORD)
                        .value())
                .isEqualTo(literal);
    }

    @Test
    void foldersOutsideTheCitysOwnAreRefused() {
        Map<String, List<Map<String, Object>>> before = stored();
        for (String escape : List.of(
                "/tmp",
                DROP.resolve(lyon).toString(),
                "..",
                "../" + lyon,
                "probe/../../" + lyon + "/probe",
                "./probe",
                "probe\\..\\..",
                "~/probe",
                "%2e%2e/" + lyon)) {
            ErrorResponseException refused = refusal(larochelle, Map.of("folder", escape));
            assertThat(refused.getStatusCode().value()).as(escape).isEqualTo(400);
            assertThat(refused.getBody().getProperties()).containsEntry("setting", "folder");
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aLinkPlantedInTheCitysFolderNeverLeadsIntoAnotherCity() throws IOException {
        DropFolder lyonDrops = folders.dropFolder(lyon, ProbeTemplate.FOLDER.defaultValue());
        Files.createSymbolicLink(folders.city(larochelle).resolve("escape"), folders.city(lyon));
        Files.writeString(lyonDrops.inbox().resolve("operator-file.txt.part"), "Lyon's operator file");

        configure(larochelle, Map.of("folder", "escape/probe"));

        String route = larochelle + "." + ProbeTemplate.ID;
        assertThat(host.running(larochelle, ProbeTemplate.ID)).isEmpty();
        assertThat(health.of(route).orElseThrow().getDetails().get("lastErrorMessage"))
                .asString()
                .contains("leaves the city's folder");
        Files.move(
                lyonDrops.inbox().resolve("operator-file.txt.part"),
                lyonDrops.inbox().resolve("operator-file.txt"));
        await().atMost(Duration.ofSeconds(15)).until(() -> probe.taken.contains(lyon + "/operator-file.txt"));
        assertThat(probe.taken).noneMatch(file -> file.startsWith(larochelle + "/"));
    }

    @Test
    void urlsAndHostsOfInternalOrPlatformAddressesAreRefusedWhenSaved() {
        Map<String, List<Map<String, Object>>> before = stored();
        for (String url : List.of(
                "http://127.0.0.1:8081/platform/tenants",
                "http://10.0.0.5/",
                "http://172.20.1.1/",
                "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]:8080/",
                "http://[::ffff:127.0.0.1]/",
                "http://[fd00:ec2::254]/",
                "http://100.100.100.200/",
                "http://0.0.0.0/",
                "http://localhost:8080/",
                "http://larochelle.localhost/",
                "https://keycloak.platform.example/admin/")) {
            ErrorResponseException refused = refusal(larochelle, Map.of("url", url));
            assertThat(refused.getStatusCode().value()).as(url).isEqualTo(400);
            assertThat(refused.getBody().getDetail()).as(url).contains("may not call");
        }
        for (String host : List.of(
                "127.0.0.1", "10.1.2.3", "fd00::1", "[::ffff:10.0.0.1]", "localhost", "keycloak.platform.example")) {
            assertThat(refusal(larochelle, Map.of("host", host)).getStatusCode().value())
                    .as(host)
                    .isEqualTo(400);
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aHostTheCoordinatorAllowListedIsAcceptedForThatCityOnly() {
        allowList.allow(larochelle, "10.8.0.5");
        configure(larochelle, Map.of("host", "10.8.0.5", "url", "http://10.8.0.5:8443/feed"));

        assertThat(host.running(larochelle, ProbeTemplate.ID).orElseThrow().get(ProbeTemplate.HOST))
                .isEqualTo("10.8.0.5");
        assertThat(refusal(lyon, Map.of("host", "10.8.0.5")).getStatusCode().value())
                .isEqualTo(400);
        assertThat(refusal(lyon, Map.of("url", "http://10.8.0.5:8443/feed"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void numbersAndDurationsCannotCarryUriOptions() {
        for (String name : List.of("port", "pollInterval")) {
            for (String hostile : List.of("2000&recursive=true", "2000?delay=0", "1s&move=/etc", "-1", "99999999999")) {
                assertThat(refusal(larochelle, Map.of(name, hostile))
                                .getStatusCode()
                                .value())
                        .as(name + " <- " + hostile)
                        .isEqualTo(400);
            }
        }
    }

    @Test
    void aSettingTheTemplateDoesNotDeclareIsRefused() {
        for (String unknown : List.of("inbox", "clientId", "topic", "knownHostsFile", "brokerUrl")) {
            ErrorResponseException refused = refusal(larochelle, Map.of(unknown, "/tmp"));
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getBody().getDetail()).contains("Unknown setting '" + unknown + "'");
        }
    }

    @Test
    void secretsAreSealedNeverShownBackAndOpenOnlyInTheirOwnCity() {
        String json =
                JsonMapper.builder().build().writeValueAsString(cities.as(larochelle, ADMIN, administration::list));
        assertThat(json).doesNotContain(PASSWORD).contains("\"secretSet\":true");
        String config = cities.platform()
                .sql("select parameters::text from " + schema(larochelle) + ".connector_config")
                .query(String.class)
                .single();
        assertThat(config).doesNotContain(PASSWORD).doesNotContain("password");
        byte[] sealed = cities.platform()
                .sql("select ciphertext from " + schema(larochelle) + ".connector_secret where name = 'password'")
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD);

        // A sealed value copied into another city's row does not open there.
        cities.platform()
                .sql("update " + schema(lyon) + ".connector_secret set ciphertext = ? where name = 'password'")
                .param(sealed)
                .update();
        assertThatThrownBy(() -> configs.choices(lyon))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void propertyFunctionsAreOffAndPlaceholdersDoNotNest() {
        // Without functions, "env:PATH" reads as a missing key "env" with the default "PATH": never the environment.
        assertThat(camel.resolvePropertyPlaceholders("{{env:PATH}}"))
                .isEqualTo("PATH")
                .isNotEqualTo(System.getenv("PATH"));
        assertThat(camel.resolvePropertyPlaceholders("{{sys:user.home}}")).isEqualTo("user.home");
        assertThat(camel.resolvePropertyPlaceholders("{{selfdata.test.nested}}"))
                .isEqualTo("{{selfdata.connectors.secret-key}}");
    }

    @Test
    void onlyTheCitysAdminsChangeItsConnectors() {
        for (Set<String> roles : List.of(Set.<String>of(), Set.of("city-agent"), Set.of("citizen"))) {
            ErrorResponseException refused = catchThrowableOfType(
                    ErrorResponseException.class,
                    () -> cities.as(
                            larochelle,
                            roles,
                            () -> administration.configure(
                                    ProbeTemplate.ID, new ConnectorChange(true, Map.of("field", "rue")))));
            assertThat(refused.getStatusCode().value()).isEqualTo(403);
        }
    }

    @Test
    void oneCitysChangeNeverTouchesAnother() {
        List<Map<String, Object>> lyonBefore = stored().get(lyon);
        configure(larochelle, Map.of("field", "voie", "delimiter", ";"));

        assertThat(stored().get(lyon)).isEqualTo(lyonBefore);
        assertThat(host.running(lyon, ProbeTemplate.ID).orElseThrow().get(ProbeTemplate.FIELD))
                .isEqualTo("street");
        assertThat(host.running(larochelle, ProbeTemplate.ID).orElseThrow().get(ProbeTemplate.FIELD))
                .isEqualTo("voie");
    }

    @Test
    void aStoredValueThatNoLongerMeetsItsRuleKeepsTheConnectorStoppedUntilCorrected() {
        cities.platform()
                .sql("update " + schema(larochelle) + ".connector_config set parameters = '{\"folder\": \"/etc\"}'")
                .update();
        host.reconcile();

        assertThat(host.running(larochelle, ProbeTemplate.ID)).isEmpty();
        assertThat(health.of(larochelle + "." + ProbeTemplate.ID)
                        .orElseThrow()
                        .getDetails()
                        .get("lastErrorMessage"))
                .asString()
                .contains("setting 'folder' must be a relative folder");
        configure(larochelle, Map.of("folder", "probe"));
        assertThat(host.running(larochelle, ProbeTemplate.ID)).isPresent();
    }

    private void configure(String city, Map<String, String> settings) {
        cities.as(
                city,
                ADMIN,
                () -> administration.configure(ProbeTemplate.ID, new ConnectorChange(true, new HashMap<>(settings))));
    }

    private ErrorResponseException refusal(String city, Map<String, String> settings) {
        ErrorResponseException refused =
                catchThrowableOfType(ErrorResponseException.class, () -> configure(city, settings));
        assertThat(refused).as("refused: " + settings).isNotNull();
        return refused;
    }

    /** Both cities' connector configuration and sealed secrets, as stored. */
    private Map<String, List<Map<String, Object>>> stored() {
        Map<String, List<Map<String, Object>>> rows = new HashMap<>();
        for (String city : List.of(larochelle, lyon)) {
            rows.put(
                    city,
                    cities.platform().sql("""
                            select c.template, c.enabled, c.parameters::text, string_agg(s.name || '=' || encode(s.ciphertext, 'hex'), ',') secrets
                              from %1$s.connector_config c left join %1$s.connector_secret s on s.template = c.template
                             group by c.template, c.enabled, c.parameters::text order by c.template""".formatted(schema(city))).query().listOfRows());
        }
        return rows;
    }

    private static String schema(String city) {
        return CitySlug.of(city).quotedSchema();
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("connector-attacks");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
