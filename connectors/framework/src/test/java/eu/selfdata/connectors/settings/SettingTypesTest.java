package eu.selfdata.connectors.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.testsupport.TestSeed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each setting type accepts what its rule says and nothing an attacker could make another layer read as syntax. */
class SettingTypesTest {

    private static final Setting<Integer> PORT = Setting.of("port", SettingTypes.port(), 22, "Port", "Port");
    private static final Setting<Duration> POLL = Setting.of(
            "poll",
            SettingTypes.duration(Duration.ofSeconds(1), Duration.ofHours(1)),
            Duration.ofSeconds(2),
            "Relève",
            "Poll");
    private static final Setting<URI> URL = Setting.required("url", SettingTypes.publicUrl(), "Adresse", "Address");
    private static final Setting<String> HOST = Setting.required("host", SettingTypes.host(), "Serveur", "Server");
    private static final Setting<RelativePath> FOLDER =
            Setting.of("folder", SettingTypes.relativePath(), RelativePath.parse("drops"), "Dossier", "Folder");
    private static final Setting<String> FIELD =
            Setting.of("field", SettingTypes.fieldName(), "street", "Champ", "Field");
    private static final Setting<String> ACCOUNT =
            Setting.required("account", SettingTypes.accountName(), "Compte", "Account");
    private static final Setting<Character> DELIMITER =
            Setting.of("delimiter", SettingTypes.choice(Map.of(",", ',', ";", ';')), ',', "Séparateur", "Delimiter");
    private static final List<Setting<?>> NON_SECRET_TEXT = List.of(
            PORT,
            POLL,
            URL,
            HOST,
            FOLDER,
            FIELD,
            ACCOUNT,
            DELIMITER,
            Setting.of("zone", SettingTypes.timeZone(), java.time.ZoneId.of("Europe/Paris"), "Fuseau", "Zone"),
            Setting.of("charset", SettingTypes.charset(), StandardCharsets.UTF_8, "Encodage", "Charset"));

    /** What the random texts are made of: other layers' syntax among ordinary characters. */
    private static final List<String> PIECES = List.of(
            "{{",
            "}}",
            "${",
            "#{",
            "env:",
            "sys:",
            "..",
            "/",
            "\\",
            "&",
            "?",
            "=",
            "%2e",
            "a",
            "Z",
            "9",
            "-",
            "_",
            ".",
            ":",
            "[",
            "]",
            "@",
            "http://",
            "https://",
            "data.example",
            "127.0.0.1",
            " ",
            "\t",
            "é");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{{selfdata.gateway.secret}}",
                "{{env:HOME}}",
                "{{sys:user.home}}",
                "${env:HOME}",
                "$simple{header.x}",
                "#{systemProperties['user.home']}",
                "2000&recursive=true",
                "a?b=c",
                "../../lyon",
                "/etc/passwd",
                "a/../../b",
                "x\u0000y",
                "line\nbreak",
                ""
            })
    void noTextTypeAcceptsSyntaxOfAnotherLayer(String hostile) {
        for (Setting<?> setting : NON_SECRET_TEXT) {
            assertThatThrownBy(() -> setting.parse(hostile))
                    .as(setting.name() + " <- " + hostile)
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("setting '" + setting.name() + "'");
        }
    }

    @Test
    void numbersAndDurationsAreBoundedAndTyped() {
        assertThat(PORT.parse("2222")).isEqualTo(2222);
        assertThatThrownBy(() -> PORT.parse("0"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("from 1 to 65535");
        assertThatThrownBy(() -> PORT.parse("99999999999")).isInstanceOf(InvalidSettingException.class);
        assertThat(POLL.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(POLL.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
        assertThat(POLL.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThatThrownBy(() -> POLL.parse("500ms"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("from 1s to 1h");
        assertThatThrownBy(() -> POLL.parse("2d")).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void urlsAreHttpOrHttpsWithoutCredentialsOrFragments() {
        assertThat(URL.parse("https://data.larochelle.fr/api/records?limit=100"))
                .hasHost("data.larochelle.fr");
        for (String refused : List.of(
                "file:///etc/passwd",
                "ftp://data.example/x",
                "http://user:pw@data.example/",
                "https://data.example/#x",
                "http:///nohost",
                "https://data.example:0/",
                "https://data.example:70000/",
                "jar:http://x/!/",
                "gopher://x:70/")) {
            assertThatThrownBy(() -> URL.parse(refused)).as(refused).isInstanceOf(InvalidSettingException.class);
        }
    }

    @Test
    void hostsAreNamesOrLiteralsNeverAnythingElse() {
        assertThat(HOST.parse("SFTP.Operator.example")).isEqualTo("sftp.operator.example");
        assertThat(HOST.parse("[2001:db8::1]")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(HOST.parse("192.0.2.10")).isEqualTo("192.0.2.10");
        for (String refused : List.of(
                "-bad.example", "a..b", "host_name.example", "999.1.1.1", "1.2.3", "a:b", "[::g]", "x".repeat(254))) {
            assertThatThrownBy(() -> HOST.parse(refused)).as(refused).isInstanceOf(InvalidSettingException.class);
        }
    }

    @Test
    void foldersStayBelowTheirRoot() {
        Path root = Path.of("/data/larochelle");
        assertThat(FOLDER.parse("operators//weighings/").under(root)).isEqualTo(root.resolve("operators/weighings"));
        for (String refused : List.of("..", "a/..", "./a", ".hidden", "a\\b", "a/b/c/d/e", "C:", "~root")) {
            assertThatThrownBy(() -> FOLDER.parse(refused)).as(refused).isInstanceOf(InvalidSettingException.class);
        }
    }

    @Test
    void secretsAreNeverPrintedAndHaveNoDefault() {
        Setting<Secret> password = Setting.required("password", SettingTypes.secret(), "Mot de passe", "Password");
        Secret secret = password.parse("s3cret; &={{x}}");
        assertThat(secret.value()).isEqualTo("s3cret; &={{x}}");
        assertThat(secret).hasToString("********");
        assertThatThrownBy(() -> Setting.of("password", SettingTypes.secret(), new Secret("x"), "a", "b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sshHostKeysMustBeWhatTheirNameSays() {
        byte[] blob = ("\u0000\u0000\u0000\u000bssh-ed25519" + "\u0000\u0000\u0000\u0020" + "k".repeat(32))
                .getBytes(StandardCharsets.ISO_8859_1);
        String key = "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob) + " operator@sftp";
        Setting<SshHostKey> hostKey = Setting.required("hostKey", SettingTypes.sshHostKey(), "Clé", "Key");
        assertThat(hostKey.parse(key).knownHostsLine("sftp.example", 2222))
                .startsWith("[sftp.example]:2222 ssh-ed25519 AAAA");
        assertThatThrownBy(() -> hostKey.parse("ssh-rsa " + Base64.getEncoder().encodeToString(blob)))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> hostKey.parse("ssh-ed25519 not*base64")).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void aRequiredSettingWithoutValueIsNamed() {
        assertThatThrownBy(() -> SettingValues.of(List.of(URL), Map.of()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("setting 'url' is required");
    }

    /** Whatever the text, what a non-secret type accepts never carries placeholder, expression or URI-option syntax. */
    @ParameterizedTest
    @ExtendWith(TestSeed.class)
    @MethodSource("hostileTexts")
    void acceptedValuesCarryNoForeignSyntax(String text) {
        for (Setting<?> setting : NON_SECRET_TEXT) {
            Object value;
            try {
                value = setting.parse(text);
            } catch (InvalidSettingException refused) {
                continue;
            }
            String stored = setting.format(value);
            assertThat(stored).as(setting.name()).doesNotContain("{{", "}}", "${", "#{", "\\", "\n");
            if (setting != URL) {
                assertThat(stored).as(setting.name()).doesNotContain("..", "&", "?", "=", "{", "}", "$");
            }
        }
    }

    /**
     * 3000 texts of 1 to 12 pieces: each piece alone, each twelve times over, each between two
     * letters and at the end of an address, then random joins from this run's seed ({@link TestSeed}).
     */
    static Stream<String> hostileTexts() {
        List<String> texts = new ArrayList<>();
        for (String piece : PIECES) {
            texts.add(piece);
            texts.add(piece.repeat(12));
            texts.add("a" + piece + "a");
            texts.add("https://data.example/" + piece);
        }
        SplittableRandom random = TestSeed.random();
        while (texts.size() < 3000) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(12); n > 0; n--) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            texts.add(text.toString());
        }
        return texts.stream();
    }
}
