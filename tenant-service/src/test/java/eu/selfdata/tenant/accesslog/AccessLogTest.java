package eu.selfdata.tenant.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.tenant.support.SelfDataTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AccessLogTest extends SelfDataTest {

    private static final Pattern CHANGE = Pattern.compile("(update|delete\\s+from|truncate)\\s+(table\\s+)?access_log");

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String token = identities.citizenToken(city, person("camille"));
        client.cityAs(token, city, "GET", "/api/me/export", null);
        String log = schema(city) + ".access_log";
        assertThat(database()
                        .sql("select count(*) from " + log)
                        .query(Integer.class)
                        .single())
                .isOne();

        assertThatThrownBy(() -> database()
                        .sql("update " + log + " set reason = 'nothing happened'")
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database()
                        .sql("update " + log + " set citizen_id = null, reason = null")
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database().sql("delete from " + log).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> database().sql("truncate " + log).update()).hasMessageContaining("append-only");
        assertThat(database()
                        .sql("select count(*) from " + log + " where reason is not null")
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    @Test
    void noCodeChangesTheLogExceptTheErasureThatUnlinksIt() throws IOException {
        List<Path> changing;
        try (Stream<Path> sources = Files.walk(Path.of("src/main"))) {
            changing = sources.filter(Files::isRegularFile)
                    .filter(file ->
                            file.toString().endsWith(".java") || file.toString().endsWith(".sql"))
                    .filter(file -> CHANGE.matcher(read(file)).find())
                    .toList();
        }
        assertThat(changing).extracting(path -> path.getFileName().toString()).containsExactly("AccessLogData.java");
        assertThat(read(Path.of("src/main/java/eu/selfdata/tenant/accesslog/AccessLogData.java")))
                .contains("update access_log set citizen_id = null, reason = null where citizen_id = ?");
    }

    @Test
    void theCitizenSeesTheirExportsInTheLogAndNoOneElsesEntries() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String camille = identities.citizenToken(city, person("camille"));
        String dominique = identities.citizenToken(city, person("dominique"));

        client.cityAs(camille, city, "GET", "/api/me/export", null);

        assertThat(client.cityAs(camille, city, "GET", "/api/me/access-log", null)
                        .json()
                        .get(0)
                        .path("accessorKind")
                        .asString())
                .isEqualTo("EXPORT");
        assertThat(client.cityAs(dominique, city, "GET", "/api/me/access-log", null)
                        .json())
                .isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
