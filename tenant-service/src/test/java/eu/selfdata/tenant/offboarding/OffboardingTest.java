package eu.selfdata.tenant.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.connectors.ConnectorConfigs;
import eu.selfdata.connectors.settings.Secret;
import eu.selfdata.tenant.backup.ArchiveCipher;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.tenant.tenancy.TenantMigrations;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OffboardingTest extends TenantServiceTest {

    @Autowired
    TenantMigrations migrations;

    @Autowired
    ConnectorConfigs configs;

    @Autowired
    ArchiveCipher cipher;

    @Test
    void offboardingWithoutConfirmationChangesNothing() {
        String city = onboard(freshSlug("lyon"), "Lyon");
        ServiceClient.Response refused =
                client.platform("POST", "/platform/tenants/" + city + "/offboard", Map.of("confirm", "wrong"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("confirmation-required");
        assertThat(status(city)).isEqualTo("ACTIVE");
        assertThat(migrations.schemaExists(TenantId.of(city))).isTrue();
    }

    @Test
    void offboardingExportsTheSchemaThenDropsItAndStopsTraffic() throws Exception {
        String city = onboard(freshSlug("lyon"), "Lyon");
        publish(city, "Bye", "last news");

        ServiceClient.Response done =
                client.platform("POST", "/platform/tenants/" + city + "/offboard", Map.of("confirm", city));

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(status(city)).isEqualTo("OFFBOARDED");
        assertThat(migrations.schemaExists(TenantId.of(city))).isFalse();
        assertThat(client.city(city, "GET", "/api/announcements", null).status())
                .isEqualTo(404);

        Map<String, String> entries = archive(city);
        assertThat(entries)
                .containsKeys(
                        "manifest.json", "tenant.json", "tables/announcement.csv", "tables/databasechangelog.csv");
        assertThat(entries.get("tables/announcement.csv")).contains("last news");
        assertThat(entries.get("manifest.json")).contains("\"kind\":\"OFFBOARDING\"");
        assertThat(entries.get("tenant.json")).contains("\"slug\":\"" + city + "\"");
    }

    @Test
    void theArchiveIsOwnerOnlyAndCarriesNoConnectorSecret() throws Exception {
        String city = onboard(freshSlug("lyon"), "Lyon", java.util.List.of("waste"));
        String password = "sftp-" + java.util.UUID.randomUUID();
        configs.save(
                city,
                "waste-weighings-sftp",
                new ConnectorConfigs.Choice(
                        false, Map.of("host", "sftp.operator.example"), Map.of("password", new Secret(password))));

        assertThat(client.platform("POST", "/platform/tenants/" + city + "/offboard", Map.of("confirm", city))
                        .status())
                .isEqualTo(200);

        Map<String, String> entries = archive(city);
        assertThat(entries).containsKey("tables/connector_config.csv").doesNotContainKey("tables/connector_secret.csv");
        assertThat(entries.get("tables/connector_config.csv")).contains("sftp.operator.example");
        assertThat(String.join("\n", entries.values())).doesNotContain(password);
        try (java.util.stream.Stream<java.nio.file.Path> archives =
                java.nio.file.Files.list(DATA.resolve("archives"))) {
            java.nio.file.Path archive = archives.filter(
                            file -> file.getFileName().toString().startsWith(city + "-"))
                    .findFirst()
                    .orElseThrow();
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            java.nio.file.Files.getPosixFilePermissions(archive)))
                    .isEqualTo("rw-------");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            java.nio.file.Files.getPosixFilePermissions(archive.getParent())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void offboardingACityStillOnboardingIsAConflict() {
        String slug = freshSlug("lyon");
        eu.selfdata.tenant.support.FaultInjection.inject(
                slug, "schema", eu.selfdata.tenant.support.FaultInjection.Fault.FAIL);
        client.platform("POST", "/platform/tenants", cityRequest(slug, "Lyon"));
        awaitStatus(slug, "FAILED");
        ServiceClient.Response refused =
                client.platform("POST", "/platform/tenants/" + slug + "/offboard", Map.of("confirm", slug));
        assertThat(refused.status()).isEqualTo(409);
    }

    private Map<String, String> archive(String city) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/platform/tenants/" + city + "/archive"))
                                .header("X-Tenant-Signature", signature.sign(""))
                                .header("Authorization", "Bearer " + identities.coordinatorToken())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> entries = new HashMap<>();
        // encrypted with the platform's backup key: no zip without it
        assertThat(new String(response.body(), 0, 2, StandardCharsets.ISO_8859_1))
                .isNotEqualTo("PK");
        try (ZipInputStream zip = new ZipInputStream(cipher.decrypting(new ByteArrayInputStream(response.body())))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
