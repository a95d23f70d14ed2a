package eu.selfdata.tenant.backup;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Archives as an attacker or an accident would hand them back: another key, altered bytes, a cut,
 * a path out of the city's folder, a table or column of someone else's choosing. Each is refused
 * with a problem, the target keeps nothing of it and serves again. And the API's city boundaries.
 */
class CityArchivesTest extends SelfDataTest {

    private static final String OTHER_KEY = "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=";

    @Autowired
    ArchiveCipher cipher;

    @Autowired
    CityArchives archives;

    @Autowired
    CityFolders folders;

    @Test
    void anArchiveIsEncryptedOwnerOnlyAndDescribed() throws IOException {
        String city = cityWithObservations("bk", "Backup");
        publish(city, "Kept", "in the archive");

        ServiceClient.Response created = client.platform("POST", "/platform/tenants/" + city + "/backups", null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String name = created.json().path("name").asString();
        assertThat(created.json().path("kind").asString()).isEqualTo("BACKUP");
        assertThat(created.location()).endsWith("/platform/tenants/" + city + "/backups/" + name);
        byte[] sealed = backups()
                .download("/platform/tenants/" + city + "/backups/" + name)
                .body();
        assertThat(new String(sealed, 0, 2, StandardCharsets.ISO_8859_1)).isNotEqualTo("PK");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("in the archive");
        Map<String, String> entries = entries(sealed);
        assertThat(entries)
                .containsKeys("manifest.json", "tenant.json", "tables/announcement.csv", "tables/citizen.csv");
        assertThat(entries.get("tables/announcement.csv")).contains("in the archive");
        Path file = archives.find(city, name).orElseThrow();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(client.platform("GET", "/platform/tenants/" + city + "/backups", null)
                        .json()
                        .path(0)
                        .path("name")
                        .asString())
                .isEqualTo(name);
    }

    @Test
    void archivesOfOneCityAreNeitherListedNorServedUnderAnother() {
        String lyon = cityWithObservations("bk-lyon", "Lyon");
        String rochelle = cityWithObservations("bk-lr", "La Rochelle");
        String name = client.platform("POST", "/platform/tenants/" + lyon + "/backups", null)
                .json()
                .path("name")
                .asString();

        assertThat(client.platform("GET", "/platform/tenants/" + rochelle + "/backups", null)
                        .json())
                .isEmpty();
        assertThat(backups()
                        .download("/platform/tenants/" + rochelle + "/backups/" + name)
                        .statusCode())
                .isEqualTo(404);
        assertThat(backups()
                        .download("/platform/tenants/" + lyon + "/backups/..%2F" + name)
                        .statusCode())
                .isIn(400, 404);
        // a city's own admin is not the coordinator: no backup, no download, no restore
        String admin = identities.cityAdminToken(lyon);
        assertThat(client.platformAs(admin, "POST", "/platform/tenants/" + lyon + "/backups", null)
                        .status())
                .isEqualTo(403);
        BackupClient asAdmin = new BackupClient(port, signature::sign, admin);
        assertThat(asAdmin.download("/platform/tenants/" + lyon + "/backups/" + name)
                        .statusCode())
                .isEqualTo(403);
        assertThat(asAdmin.restore(rochelle, new byte[] {1}).status()).isEqualTo(403);
        // and not through a city's host either
        assertThat(client.cityAs(admin, lyon, "GET", "/platform/tenants/" + lyon + "/backups", null)
                        .status())
                .isIn(403, 404);
    }

    @Test
    void hostileArchivesAreRefusedAndTheTargetKeepsNothingOfThem() throws IOException {
        String source = cityWithObservations("bk-src", "Source");
        String token = identities.citizenToken(source, person("bk"));
        giveConsent(token, source);
        observe(token, source, "steps", 4200);
        byte[] sealed = backups().download(backupPath(source)).body();
        byte[] plain = plaintext(sealed);
        String target = cityWithObservations("bk-dst", "Target");

        byte[] altered = sealed.clone();
        altered[altered.length / 2] ^= 0x01;
        refused(target, altered, "archive-unreadable");
        refused(target, java.util.Arrays.copyOf(sealed, sealed.length - 100), "archive-unreadable");
        refused(target, seal(plain, new ArchiveCipher(OTHER_KEY)), "archive-unreadable");
        refused(target, plain, "archive-unreadable");
        refused(target, seal(withEntry(plain, "files/../../escaped.txt", "x"), cipher), "archive-unreadable");
        refused(target, seal(withEntry(plain, "tables/pg_authid.csv", "rolname\nx\n"), cipher), "archive-unreadable");
        refused(
                target,
                seal(replacing(plain, "tables/citizen.csv", "id,subject,is_superuser\n"), cipher),
                "archive-unreadable");
        refused(
                target,
                seal(replacing(plain, "manifest.json", "{\"format\":\"zip\",\"version\":9}"), cipher),
                "archive-unreadable");

        assertThat(Files.exists(folders.city(target).getParent().resolve("escaped.txt")))
                .isFalse();
        assertThat(Files.exists(folders.city(target).resolve("escaped.txt"))).isFalse();
        assertThat(rows(target, "citizen")).isZero();
        assertThat(status(target)).isEqualTo("ACTIVE");

        // the genuine archive still restores: the refusals left nothing behind
        ServiceClient.Response restored = backups().restore(target, sealed);
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(rows(target, "citizen")).isEqualTo(1);
        assertThat(status(target)).isEqualTo("ACTIVE");
        // a city with citizens is never overwritten
        refused(target, sealed, "restore-target-not-ready");
        assertThat(rows(target, "citizen")).isEqualTo(1);
    }

    @Test
    void anArchiveNeedsTheArchivedCitysModulesOnTheTarget() {
        String source = cityWithObservations("bk-mod", "Modules");
        byte[] sealed = backups().download(backupPath(source)).body();
        String bare = onboard(freshSlug("bk-bare"), "Bare");

        ServiceClient.Response refused = backups().restore(bare, sealed);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("restore-target-not-ready");
        assertThat(refused.json().path("detail").asString()).contains("observations");
    }

    @Test
    void archivesExpireAfterTheirKindsRetention() {
        String city = cityWithObservations("bk-exp", "Expiry");
        String path = backupPath(city);
        StoredArchive archive = archives.list(city).getFirst();
        assertThat(archive.expiresAt()).isEqualTo(archive.createdAt().plus(Duration.ofDays(30)));

        assertThat(archives.deleteExpired(archive.expiresAt().minusSeconds(1)))
                .extracting(StoredArchive::name)
                .doesNotContain(archive.name());
        assertThat(backups().download(path).statusCode()).isEqualTo(200);
        assertThat(archives.deleteExpired(archive.expiresAt()))
                .extracting(StoredArchive::name)
                .contains(archive.name());
        assertThat(backups().download(path).statusCode()).isEqualTo(404);
        assertThat(archives.list(city)).isEmpty();
    }

    @Test
    void anErasureRewritesTheCitysArchivesWithoutTheCitizenAndTheyStillRestore() throws IOException {
        String city = cityWithObservations("bk-forget", "Forget");
        String leaving = identities.citizenToken(city, person("leaving"));
        String staying = identities.citizenToken(city, person("staying"));
        giveConsent(leaving, city);
        giveConsent(staying, city);
        observe(leaving, city, "steps", 1111);
        observe(staying, city, "steps", 2222);
        String leavingId = citizenId(leaving, city);
        String leavingSubject = subjectOf(leaving);
        String stayingId = citizenId(staying, city);
        String path = backupPath(city);
        assertThat(String.join("\n", entries(backups().download(path).body()).values()))
                .contains(leavingId, leavingSubject);

        ServiceClient.Response erased = client.cityAs(leaving, city, "DELETE", "/api/me", Map.of("confirm", "ERASE"));
        assertThat(erased.status()).as(erased.body()).isEqualTo(202);
        assertThat(erased.json().path("state").asString()).isEqualTo("DONE");

        byte[] rewritten = backups().download(path).body();
        Map<String, String> entries = entries(rewritten);
        assertThat(String.join("\n", entries.values())).doesNotContain(leavingId, leavingSubject);
        assertThat(entries.get("tables/citizen.csv")).contains(stayingId);
        assertThat(entries.get("tables/consent.csv")).contains(stayingId);
        assertThat(entries.get("manifest.json")).contains("\"citizen\":1");
        // the rewritten archive is whole: it restores, counts checked against its manifest
        String target = cityWithObservations("bk-forgot", "Forgot");
        ServiceClient.Response restored = backups().restore(target, rewritten);
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(rows(target, "citizen")).isEqualTo(1);
    }

    private static String subjectOf(String token) {
        String payload = token.split("\\.")[1];
        String claims = new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        java.util.regex.Matcher sub =
                java.util.regex.Pattern.compile("\"sub\":\"([^\"]+)\"").matcher(claims);
        assertThat(sub.find()).isTrue();
        return sub.group(1);
    }

    private String backupPath(String city) {
        ServiceClient.Response created = client.platform("POST", "/platform/tenants/" + city + "/backups", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.location();
    }

    private void refused(String target, byte[] archive, String problem) {
        ServiceClient.Response refused = backups().restore(target, archive);
        assertThat(refused.status()).as(refused.body()).isIn(400, 409);
        assertThat(refused.problemType()).as(refused.body()).isEqualTo(problem);
    }

    private long rows(String city, String table) {
        return database()
                .sql("select count(*) from " + schema(city) + "." + table)
                .query(Long.class)
                .single();
    }

    private BackupClient backups() {
        return new BackupClient(port, signature::sign, identities.coordinatorToken());
    }

    private byte[] plaintext(byte[] sealed) throws IOException {
        try (InputStream in = cipher.decrypting(new ByteArrayInputStream(sealed))) {
            return in.readAllBytes();
        }
    }

    private Map<String, String> entries(byte[] sealed) throws IOException {
        Map<String, String> entries = new java.util.HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(plaintext(sealed)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static byte[] seal(byte[] plain, ArchiveCipher with) throws IOException {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = with.encrypting(sealed)) {
            out.write(plain);
        }
        return sealed.toByteArray();
    }

    private static byte[] withEntry(byte[] plain, String name, String content) throws IOException {
        return rewrite(plain, name, content, true);
    }

    private static byte[] replacing(byte[] plain, String name, String content) throws IOException {
        return rewrite(plain, name, content, false);
    }

    /** The same zip with one entry replaced, or one more entry right after the registry entry. */
    private static byte[] rewrite(byte[] plain, String name, String content, boolean add) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(
                        !add && entry.getName().equals(name)
                                ? content.getBytes(StandardCharsets.UTF_8)
                                : in.readAllBytes());
                zip.closeEntry();
                if (add && entry.getName().equals("tenant.json")) {
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(content.getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }
}
